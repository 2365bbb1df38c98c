package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.pki.CaPassphrase;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertInspect;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.HostIssuer;
import dev.kroll.pki.PkiLayout;
import dev.kroll.pki.StorePasswords;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Write every host's server keystore, client keystore, truststore and ssl.secrets under .kroll/pki/hosts/NAME/"
                + " (client-ssl.properties is rendered with the host's configuration).",
            "Idempotent: valid certificates (signed by the current CA, over 30 days left, same SANs) are kept; others are re-issued."})
final class CertsIssueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    PkiOptions.CaPassword password = new PkiOptions.CaPassword();

    @Mixin
    PkiOptions.Leaf leaf = new PkiOptions.Leaf();

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "Use the first line of FILE as the password of every store instead of generated ones.")
    Path storePasswordFile;

    @Option(names = "--force", description = "Re-issue every host, even those whose certificates are fine.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory inv = inventory.load();
        KeystoreType type = leaf.resolve(inv);
        PkiLayout layout = PkiLayout.of(inv);
        CaStore store = new CaStore(layout);
        X509Certificate caCert = store.certificate();
        Instant now = Instant.now();
        if (!CertInspect.isCurrent(caCert, now)) {
            throw KrollException.badInput("the CA in " + layout.caDir() + " is not valid now (" + CertInspect.expiry(caCert, now)
                    + ") — create a new one with 'kroll certs init-ca --force'");
        }
        List<X509Certificate> trusted = store.trusted(now);
        int previous = trusted.size() - 1;

        StorePasswords given = storePasswordFile == null ? null : StorePasswords.same(storePassword(storePasswordFile, err));
        HostIssuer.Settings settings = new HostIssuer.Settings(type, leaf.keyType, leaf.validityDays, given, force);
        HostIssuer issuer = new HostIssuer(inv, layout, Runtime.getRuntime().availableProcessors());
        List<HostIssuer.Plan> plans = issuer.plan(caCert, trusted, settings, now);

        CertificateAuthority ca = null;
        if (plans.stream().anyMatch(HostIssuer.Plan::needsCaKey)) {
            ca = password.unlock(store, err);
        }
        List<HostIssuer.Outcome> outcomes = issuer.execute(plans, ca, trusted, settings, now);
        int width = outcomes.stream().mapToInt(o -> o.host().length()).max().orElse(0);
        outcomes.forEach(o -> out.println(o.line(width)));

        Map<HostIssuer.Status, Long> counts = outcomes.stream().collect(Collectors.groupingBy(HostIssuer.Outcome::status, Collectors.counting()));
        out.println(outcomes.size() + " host" + (outcomes.size() == 1 ? "" : "s") + ": " + Arrays.stream(HostIssuer.Status.values())
                .filter(counts::containsKey).map(s -> counts.get(s) + " " + s.label()).collect(Collectors.joining(", "))
                + "; " + type + " stores in " + layout.hostsDir());
        if (previous > 0) {
            out.println("note: truststores also trust " + previous + " previous CA" + (previous == 1 ? "" : "s") + " from "
                    + layout.previousCaDir() + "; delete " + (previous == 1 ? "it" : "them")
                    + " once every host runs its new certificates, then issue again");
        }
        long caDays = CertInspect.daysLeft(caCert, now);
        if (caDays < leaf.validityDays) {
            out.println("note: the CA expires in " + caDays + " days (" + CertInspect.expiryDate(caCert) + "); host certificates end then too");
        }
        return counts.containsKey(HostIssuer.Status.FAILED) ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static String storePassword(Path file, PrintWriter err) {
        String pw = new String(CaPassphrase.readFile(file, err::println));
        if (pw.length() < 8) {
            throw KrollException.badInput(file + ": the store password has " + pw.length() + " characters; use at least 8"
                    + " (or leave out --store-password-file to get generated ones)");
        }
        return pw;
    }
}
