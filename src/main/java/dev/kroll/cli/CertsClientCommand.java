package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertInspect;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.ClientBundle;
import dev.kroll.pki.ClientProperties;
import dev.kroll.pki.HostIssuer;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.PkiLayout;
import dev.kroll.pki.StoreType;
import dev.kroll.pki.TlsSettings;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    @Option(names = "--store-type", paramLabel = "TYPE", converter = PkiOptions.StoreTypeConverter.class,
            description = "pkcs12 (default), jks or pem; the inventory's tls.keystore_type takes precedence.")
    StoreType storeType;

    @Option(names = "--key-type", paramLabel = "TYPE", converter = PkiOptions.KeyTypeConverter.class,
            description = "Key type (default: ec-p256, or rsa-2048 under an RSA CA).")
    KeyType keyType;

    @Option(names = "--validity-days", paramLabel = "N", defaultValue = "" + HostIssuer.DEFAULT_VALIDITY_DAYS,
            description = "Validity (default: ${DEFAULT-VALUE}).")
    int validityDays;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ClientBundle.checkName(name);
        if (validityDays < 1 || validityDays > 3650) {
            throw KrollException.badInput("--validity-days must be 1–3650, not " + validityDays);
        }
        Inventory inv = inventory.load();
        StoreType type = TlsSettings.choose(TlsSettings.read(inventory.file()), storeType);
        PkiLayout layout = PkiLayout.of(inv);
        CaStore store = new CaStore(layout);
        X509Certificate caCert = store.certificate();
        Instant now = Instant.now();
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(caCert);
        store.previous(now).stream().filter(c -> !c.equals(caCert)).forEach(trusted::add);

        char[] pass = password.resolve(false, err());
        CertificateAuthority ca;
        try {
            ca = store.unlock(pass);
        } finally {
            Arrays.fill(pass, '\0');
        }
        if (output == null) {
            layout.ensurePrivate(layout.clientsDir());
        }
        Path dir = (output == null ? layout.clientDir(name) : output).toAbsolutePath().normalize();
        String location = remoteDir == null ? dir.toString() : remoteDir;
        X509Certificate cert = ClientBundle.write(ca, trusted, name, type, keyType != null ? keyType : HostIssuer.leafKeyType(ca),
                validityDays, dir, location, ClientProperties.comments("client " + name, inv), now);
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
