package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertInspect;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.ClientBundle;
import dev.kroll.pki.ClientProperties;
import dev.kroll.pki.HostIssuer;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.PkiLayout;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Issue a client bundle for an application or admin tool: a client keystore signed by the CA (principal"
                + " User:CN=NAME), the truststore and a ready client-ssl.properties (0600)."})
final class CertsClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    PkiOptions.CaPassword password = new PkiOptions.CaPassword();

    @Parameters(paramLabel = "NAME", description = "The client's name: its certificate's CN, e.g. billing-service.")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where to write the bundle (default: .kroll/pki/clients/NAME/).")
    Path output;

    @Option(names = "--remote-dir", paramLabel = "DIR",
            description = "The directory the stores will be in where the client runs, for the locations in client-ssl.properties"
                    + " (default: the output directory).")
    String remoteDir;

    @Mixin
    PkiOptions.Leaf leaf = new PkiOptions.Leaf();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ClientBundle.checkName(name);
        Inventory inv = inventory.load();
        KeystoreType type = leaf.resolve(inv);
        PkiLayout layout = PkiLayout.of(inv);
        CaStore store = new CaStore(layout);
        Instant now = Instant.now();
        List<X509Certificate> trusted = store.trusted(now);

        CertificateAuthority ca = password.unlock(store, err());
        if (output == null) {
            layout.ensurePrivate(layout.clientsDir());
        }
        Path dir = (output == null ? layout.clientDir(name) : output).toAbsolutePath().normalize();
        String location = remoteDir == null ? dir.toString() : remoteDir;
        X509Certificate cert = ClientBundle.write(ca, trusted, name, type, leaf.keyType != null ? leaf.keyType : HostIssuer.leafKeyType(ca),
                leaf.validityDays, dir, location, ClientProperties.comments("client " + name, inv), now);
        out.println("issued client certificate " + CertInspect.subject(cert) + " (" + KeyType.describe(cert.getPublicKey()) + ", "
                + CertInspect.expiry(cert, now) + "); Kafka principal User:" + CertInspect.subject(cert));
        out.println("  wrote " + dir.resolve(PkiLayout.clientKeystore(type)) + ", " + PkiLayout.truststore(type) + ", "
                + PkiLayout.CLIENT_PROPERTIES + " (0600: it holds the store passwords)");
        String servers = ClientProperties.bootstrapServers(inv);
        if (!servers.isEmpty()) {
            out.println("  try: kafka-topics.sh --bootstrap-server " + servers.split(",")[0] + " --command-config "
                    + dir.resolve(PkiLayout.CLIENT_PROPERTIES) + " --list");
        }
        return ExitCode.OK;
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
