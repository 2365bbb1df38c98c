package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.pki.CaPassphrase;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertInspect;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.HostIssuer;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.PkiLayout;
import dev.kroll.pki.StorePasswords;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Write every host's server keystore, client keystore, truststore, ssl.secrets and client-ssl.properties"
                + " under .kroll/pki/hosts/NAME/.",
            "Idempotent: valid certificates (signed by the current CA, over 30 days left, same SANs) are kept; others are re-issued."})
final class CertsIssueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    PkiOptions.CaPassword password = new PkiOptions.CaPassword();

    @Option(names = "--store-type", paramLabel = "TYPE", converter = PkiOptions.StoreTypeConverter.class,
            description = "pkcs12 (default), jks or pem; the inventory's tls.keystore_type takes precedence.")
    StoreType storeType;

    @Option(names = "--key-type", paramLabel = "TYPE", converter = PkiOptions.KeyTypeConverter.class,
            description = "Key type of host keys (default: ec-p256, or rsa-2048 under an RSA CA). Hosts with another type are re-issued.")
    KeyType keyType;

    @Option(names = "--validity-days", paramLabel = "N", defaultValue = "" + HostIssuer.DEFAULT_VALIDITY_DAYS,
            description = "Validity of new host certificates (default: ${DEFAULT-VALUE}).")
    int validityDays;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "Use the first line of FILE as the password of every store instead of generated ones.")
    Path storePasswordFile;

    @Option(names = "--force", description = "Re-issue every host, even those whose certificates are fine.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (validityDays < 1 || validityDays > 3650) {
            throw KrollException.badInput("--validity-days must be 1–3650, not " + validityDays);
        }
        Inventory inv = inventory.load();
        StoreType type = TlsSettings.choose(TlsSettings.read(inventory.file()), storeType);
        PkiLayout layout = PkiLayout.of(inv);
        CaStore store = new CaStore(layout);
        X509Certificate caCert = store.certificate();
        Instant now = Instant.now();
        if (!CertInspect.isCurrent(caCert, now)) {
            throw KrollException.badInput("the CA in " + layout.caDir() + " is not valid now (" + CertInspect.expiry(caCert, now)
                    + ") — create a new one with 'kroll certs init-ca --force'");
        }
        List<X509Certificate> previous = store.previous(now);
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(caCert);
        previous.stream().filter(c -> !c.equals(caCert)).forEach(trusted::add);

        StorePasswords given = storePasswordFile == null ? null : StorePasswords.same(storePassword(storePasswordFile, err));
        HostIssuer.Settings settings = new HostIssuer.Settings(type, keyType, validityDays, given, force);
        HostIssuer issuer = new HostIssuer(inv, layout, Runtime.getRuntime().availableProcessors());
        List<HostIssuer.Plan> plans = issuer.plan(caCert, trusted, settings, now);

        CertificateAuthority ca = null;
        if (plans.stream().anyMatch(HostIssuer.Plan::needsCaKey)) {
            char[] pass = password.resolve(false, err);
            try {
                ca = store.unlock(pass);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
        List<HostIssuer.Outcome> outcomes = issuer.execute(plans, ca, trusted, settings, now);
        int width = outcomes.stream().mapToInt(o -> o.host().length()).max().orElse(0);
        outcomes.forEach(o -> out.println(o.line(width)));

        Map<HostIssuer.Status, Long> counts = outcomes.stream().collect(Collectors.groupingBy(HostIssuer.Outcome::status, Collectors.counting()));
        out.println(outcomes.size() + " host" + (outcomes.size() == 1 ? "" : "s") + ": " + Arrays.stream(HostIssuer.Status.values())
                .filter(counts::containsKey).map(s -> counts.get(s) + " " + label(s)).collect(Collectors.joining(", "))
                + "; " + type + " stores in " + layout.hostsDir());
        if (previous.stream().anyMatch(c -> !c.equals(caCert))) {
            out.println("note: truststores also trust " + previous.size() + " previous CA" + (previous.size() == 1 ? "" : "s") + " from "
                    + layout.previousCaDir() + "; delete " + (previous.size() == 1 ? "it" : "them")
                    + " once every host runs its new certificates, then issue again");
        }
        long caDays = CertInspect.daysLeft(caCert, now);
        if (caDays < validityDays) {
            out.println("note: the CA expires in " + caDays + " days (" + CertInspect.expiryDate(caCert) + "); host certificates end then too");
        }
        return counts.containsKey(HostIssuer.Status.FAILED) ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static String label(HostIssuer.Status s) {
        return Map.<HostIssuer.Status, String>of(HostIssuer.Status.ISSUED, "issued", HostIssuer.Status.REISSUED, "re-issued",
                HostIssuer.Status.TRUST_UPDATED, "truststore updated", HostIssuer.Status.PROPERTIES_UPDATED, "properties updated",
                HostIssuer.Status.UNCHANGED, "unchanged", HostIssuer.Status.FAILED, "failed").get(s);
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
