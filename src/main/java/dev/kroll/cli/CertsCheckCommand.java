package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertInspect;
import dev.kroll.pki.CertificateChecks;
import dev.kroll.pki.HostFiles;
import dev.kroll.pki.KeystoreTypeChoice;
import dev.kroll.pki.PkiLayout;
import dev.kroll.pki.SubjectNames;
import dev.kroll.util.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check every host's stores: chain to the CA, SANs for every name clients use, EKU, key/certificate match,"
                + " expiry, and that every truststore trusts every peer.",
            "One line per problem. Exit 3 when a certificate would break a handshake; warnings alone exit 0."})
final class CertsCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--store-type", paramLabel = "TYPE", converter = PkiOptions.StoreTypeConverter.class,
            description = "The format the brokers are configured for (default: the inventory's tls.keystore_type, else any).")
    KeystoreType storeType;

    @Option(names = "--warn-days", paramLabel = "N", defaultValue = "" + CertificateChecks.WARN_DAYS,
            description = "Warn about certificates that expire within N days (default: ${DEFAULT-VALUE}).")
    int warnDays;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Inventory inv = inventory.load();
        KeystoreType expected = KeystoreTypeChoice.configured(inv, storeType).orElse(null);
        PkiLayout layout = PkiLayout.of(inv);
        X509Certificate ca = new CaStore(layout).certificate();
        Instant now = Instant.now();

        List<CertificateChecks.Input> inputs = new ArrayList<>();
        for (Host h : inv.hosts()) {
            inputs.add(new CertificateChecks.Input(h, HostFiles.read(layout.hostDir(h.name()), h.name(), expected), expected));
        }
        List<CertificateChecks.Finding> findings = CertificateChecks.check(inputs, strayDirs(layout, inv), ca, now, warnDays);
        Set<String> withFindings = findings.stream().map(CertificateChecks.Finding::host).collect(Collectors.toSet());
        for (CertificateChecks.Input in : inputs) {
            if (!withFindings.contains(in.host().name()) && in.snapshot().server() != null) {
                X509Certificate leaf = in.snapshot().server().leaf();
                out.println(in.host().name() + ": ok (" + in.snapshot().type() + ", " + CertInspect.expiry(leaf, now) + "; SANs "
                        + SubjectNames.of(leaf) + ")");
            }
        }
        findings.forEach(f -> out.println(f.format()));
        long errors = findings.stream().filter(CertificateChecks.Finding::isError).count();
        long warnings = findings.size() - errors;
        out.println(inputs.size() + " host" + (inputs.size() == 1 ? "" : "s") + " checked against CA " + CertInspect.subject(ca) + ": "
                + (errors == 0 ? "no handshake problems" : errors + " error" + (errors == 1 ? "" : "s") + " (handshakes would fail)")
                + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s")));
        return errors > 0 ? ExitCode.GATE_REFUSED : ExitCode.OK;
    }

    private static List<String> strayDirs(PkiLayout layout, Inventory inv) throws IOException {
        if (!Files.isDirectory(layout.hostsDir())) {
            return List.of();
        }
        Set<String> names = inv.hosts().stream().map(Host::name).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(layout.hostsDir())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !names.contains(n)).sorted().toList();
        }
    }
}
