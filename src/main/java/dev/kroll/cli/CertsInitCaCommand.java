package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertInspect;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.KeyEncryption;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.Pem;
import dev.kroll.pki.PkiLayout;
import dev.kroll.pki.WrongPasswordException;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init-ca", mixinStandardHelpOptions = true,
        description = {"Create the cluster's CA (or import yours) under .kroll/pki/ca/, its key encrypted with a passphrase.",
            "An existing CA is only replaced with --force; the replaced one stays trusted until you delete it from ca/previous/."})
final class CertsInitCaCommand implements Callable<Integer> {

    private static final DateTimeFormatter NAME_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    PkiOptions.CaPassword password = new PkiOptions.CaPassword();

    @Option(names = "--key-type", paramLabel = "TYPE", converter = PkiOptions.KeyTypeConverter.class, defaultValue = "ec-p256",
            description = "ec-p256 (default: fast, supported by every current client), rsa-2048, rsa-3072 or rsa-4096 (old clients).")
    KeyType keyType;

    @Option(names = "--validity-days", paramLabel = "N", defaultValue = "" + CertificateAuthority.DEFAULT_VALIDITY_DAYS,
            description = "How long the CA is valid (default: ${DEFAULT-VALUE}, ten years).")
    int validityDays;

    @Option(names = "--import-ca", arity = "2", paramLabel = "FILE",
            description = "Use an existing CA: its certificate (PEM, may be followed by its issuers) and its private key (PEM; "
                    + "an encrypted key is opened with the CA passphrase).")
    List<Path> importCa;

    @Option(names = "--force", description = "Replace an existing CA (every host must then be re-issued and redistributed).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (validityDays < 1 || validityDays > 36500) {
            throw KrollException.badInput("--validity-days must be 1–36500, not " + validityDays);
        }
        Inventory inv = inventory.load();
        PkiLayout layout = PkiLayout.of(inv);
        CaStore store = new CaStore(layout);
        boolean replacing = store.exists();
        if (!force) {
            store.refuseToReplace(); // before any passphrase is asked
        }
        Instant now = Instant.now();
        CertificateAuthority ca;
        char[] pass;
        if (importCa != null) {
            ImportedFiles files = readImport(importCa.get(0), importCa.get(1));
            pass = password.resolve(true, err);
            ca = CertificateAuthority.imported(files.certs().certificates(), privateKey(files, pass), now, importCa.get(0).toString());
        } else {
            pass = password.resolve(true, err);
            ca = CertificateAuthority.create("kroll CA " + inv.cluster() + " " + NAME_STAMP.format(now), keyType, validityDays, now,
                    new SecureRandom());
        }
        try {
            store.save(ca, pass, KeyEncryption.CA_ITERATIONS, force, now);
        } finally {
            Arrays.fill(pass, '\0');
        }
        out.println((importCa != null ? "imported CA: " : "created CA: ") + CertInspect.subject(ca.certificate()));
        out.println("  key       " + KeyType.describe(ca.certificate().getPublicKey()) + ", encrypted at rest (" + store.keyProtection() + ")");
        out.println("  validity  " + CertInspect.expiry(ca.certificate(), now));
        out.println("  sha-256   " + CertInspect.sha256(ca.certificate()));
        out.println("  files     " + layout.caCertificate() + ", " + layout.caKey() + " (0600, directory 0700)");
        if (replacing) {
            out.println("the previous CA moved to " + layout.previousCaDir() + "; truststores keep trusting it until you delete it there");
        }
        out.println("next: kroll certs issue -i " + inventory.file());
        return ExitCode.OK;
    }

    private record ImportedFiles(Pem.Contents certs, Pem.Contents key, Path keyFile) {
    }

    private static ImportedFiles readImport(Path certFile, Path keyFile) {
        Pem.Contents certs = parse(certFile);
        Pem.Contents key = parse(keyFile);
        if (!key.hasKey()) {
            throw KrollException.badInput(keyFile + ": no private key found — give the CA's key in PEM (-----BEGIN ... PRIVATE KEY-----)");
        }
        return new ImportedFiles(certs, key, keyFile);
    }

    private static PrivateKey privateKey(ImportedFiles f, char[] pass) {
        try {
            return Pem.privateKey(f.key().key(), pass, f.keyFile().toString());
        } catch (WrongPasswordException e) {
            throw KrollException.badInput(f.keyFile() + " is encrypted and the CA passphrase does not open it — give its passphrase"
                    + " (kroll stores the key under the same one)");
        } catch (IOException e) {
            throw KrollException.badInput(e.getMessage());
        }
    }

    private static Pem.Contents parse(Path file) {
        try {
            return Pem.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (java.nio.file.NoSuchFileException e) {
            throw KrollException.badInput(file + ": file not found");
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot be read as PEM (" + e.getMessage() + ")");
        }
    }
}
