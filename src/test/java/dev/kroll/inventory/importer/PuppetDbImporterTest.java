package dev.kroll.inventory.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PuppetDbImporterTest {

    private static final ImportOptions PAGED = ImportOptions.DEFAULT.withPaging(2, Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private static Inventory importFrom(String url, ImportOptions options, List<Problem> problems) {
        return new PuppetDbImporter().read(url, options, problems);
    }

    @Test
    void readsEveryPageInCertnameOrderAndCoLocatesZookeeperOnTheFirstThree() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(FakePuppetDb.kafkaPages(2))) {
            List<Problem> problems = new ArrayList<>();
            Inventory inv = importFrom(pdb.url(), PAGED, problems);

            assertEquals(List.of(
                    "inventory[certname, facts] { (facts.role='kafka') order by certname limit 2 offset 0 }",
                    "inventory[certname, facts] { (facts.role='kafka') order by certname limit 2 offset 2 }",
                    "inventory[certname, facts] { (facts.role='kafka') order by certname limit 2 offset 4 }"), pdb.queries());
            assertEquals(List.of("kafka1.prod.example.com", "kafka2.prod.example.com", "kafka3.prod.example.com",
                    "kafka4.prod.example.com", "kafka5.prod.example.com"), inv.hosts().stream().map(Host::name).toList());
            Host first = inv.hosts().get(0);
            assertEquals("10.20.1.11", first.address());
            assertEquals(ByteSize.ofGiB(64), first.memory());
            assertEquals(Set.of(Role.KAFKA, Role.ZOOKEEPER), first.roles());
            assertEquals(Set.of(Role.KAFKA), inv.hosts().get(3).roles());
            assertEquals(3, inv.hosts(Role.ZOOKEEPER).size());
            assertEquals("kafka", inv.cluster());
            Problem note = problems.get(0);
            assertEquals(Severity.NOTE, note.severity());
            assertEquals(pdb.url() + ": note: ZooKeeper co-located on the first 3 Kafka nodes: kafka1.prod.example.com, "
                    + "kafka2.prod.example.com, kafka3.prod.example.com — pass --zookeeper-query \"FACT='VALUE'\" to choose ZooKeeper nodes by fact",
                    note.format());
        }
    }

    @Test
    void aFullLastPageIsFollowedByOneMoreRequest() throws IOException {
        // 5 nodes in pages of 5: the first page is full, so only an empty second page proves the end
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> pql.contains("offset 0")
                ? new FakePuppetDb.Answer(200, "application/json", "[" + String.join(",", nodes(0), nodes(1), nodes(2)) + "]")
                : FakePuppetDb.Answer.json("empty.json"))) {
            Inventory inv = importFrom(pdb.url(), ImportOptions.DEFAULT.withPaging(5, Duration.ofSeconds(10)), new ArrayList<>());
            assertEquals(5, inv.hosts().size());
            assertEquals(2, pdb.queries().size());
            assertTrue(pdb.queries().get(1).endsWith("limit 5 offset 5 }"));
        }
    }

    private static String nodes(int page) {
        String json = FakePuppetDb.resource("kafka-page-" + page + ".json").strip();
        return json.substring(1, json.length() - 1);
    }

    @Test
    void zookeeperQueryChoosesTheZookeeperNodes() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> pql.contains("facts.role = 'zookeeper'") ? FakePuppetDb.sliced("zookeeper.json").apply(pql)
                : FakePuppetDb.kafkaPages(2).apply(pql))) {
            List<Problem> problems = new ArrayList<>();
            Inventory inv = importFrom(pdb.url(), PAGED.withQueries("role='kafka'", "role = 'zookeeper'"), problems);

            assertEquals(8, inv.hosts().size());
            assertEquals(List.of("zk1.prod.example.com", "zk2.prod.example.com", "zk3.prod.example.com"),
                    inv.hosts(Role.ZOOKEEPER).stream().map(Host::name).toList());
            assertEquals(5, inv.hosts(Role.KAFKA).size());
            assertTrue(inv.hosts(Role.ZOOKEEPER).stream().noneMatch(h -> h.has(Role.KAFKA)));
            assertEquals(ByteSize.ofGiB(8), inv.host("zk1.prod.example.com").orElseThrow().memory());
            assertTrue(problems.isEmpty(), problems::toString);
        }
    }

    @Test
    void legacyFactsAreReadAndANodeWithoutAnIpIsReachedByName() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> FakePuppetDb.Answer.json("legacy-facts.json"))) {
            List<Problem> problems = new ArrayList<>();
            Inventory inv = importFrom(pdb.url(), ImportOptions.DEFAULT.withCluster("billing"), problems);

            Host one = inv.hosts().get(0);
            assertEquals("kafka1.prod.example.com", one.name());
            assertEquals("10.30.1.11", one.address());
            assertEquals(ByteSize.ofMiB(32 * 1024), one.memory());
            Host two = inv.hosts().get(1);
            assertEquals("kafka2.prod.example.com", two.name(), "named by its FQDN fact, not its short certname");
            assertEquals(List.of("kafka2"), two.aliases());
            assertEquals("kafka2.prod.example.com", two.address());
            assertEquals("billing", inv.cluster());
            assertTrue(problems.stream().anyMatch(p -> p.severity() == Severity.WARNING
                    && p.format().equals(pdb.url() + " node kafka2: warning: no IP fact (networking.ip or ipaddress); kroll will reach it by name"
                    + " — add 'address:' to this host in the written inventory")), problems::toString);
        }
    }

    @Test
    void anHttpErrorShowsPuppetDbsOwnErrorText() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> FakePuppetDb.Answer.of(400, "text/plain", "error-400.txt"))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), ImportOptions.DEFAULT, new ArrayList<>()));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertEquals("PuppetDB at " + pdb.url() + ": answered HTTP 400: PQL parse error at line 1, column 36:"
                    + " — check the fact filter given with --query (PQL, e.g. role='kafka')", e.getMessage());
        }
    }

    @Test
    void aServerErrorPageIsReducedToItsFirstLineOfText() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> FakePuppetDb.Answer.of(500, "text/html", "error-500.html"))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), ImportOptions.DEFAULT, new ArrayList<>()));
            assertEquals("PuppetDB at " + pdb.url() + ": answered HTTP 500: Error 500 Server Error — PuppetDB failed; check its log and try again",
                    e.getMessage());
        }
    }

    @Test
    void malformedJsonIsOneLineNamingTheUrl() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> FakePuppetDb.Answer.json("truncated.json"))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), ImportOptions.DEFAULT, new ArrayList<>()));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith("PuppetDB at " + pdb.url() + ": answered with malformed JSON ("), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void anAnswerThatIsNotAListIsRefused() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> new FakePuppetDb.Answer(200, "application/json", "{\"version\": \"8.4.1\"}"))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), ImportOptions.DEFAULT, new ArrayList<>()));
            assertEquals("PuppetDB at " + pdb.url() + ": answered with a JSON object instead of a list of nodes"
                    + " — check that the URL is PuppetDB's (its query API lives at /pdb/query/v4)", e.getMessage());
        }
    }

    @Test
    void anEmptyResultSaysWhichFilterMatchedNothing() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> FakePuppetDb.Answer.json("empty.json"))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), ImportOptions.DEFAULT, new ArrayList<>()));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertEquals("PuppetDB at " + pdb.url() + ": no active node matches --query \"role='kafka'\" — check the fact name and value"
                    + " (e.g. puppet facts show role on a broker), then pass --query", e.getMessage());
        }
    }

    @Test
    void aServerThatIgnoresTheOffsetIsCaughtInsteadOfLoopingForever() throws IOException {
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> FakePuppetDb.Answer.json("kafka-page-0.json"))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), PAGED, new ArrayList<>()));
            assertEquals("PuppetDB at " + pdb.url() + ": certname kafka1.prod.example.com came twice while paging"
                    + " — the nodes changed during the import; run it again", e.getMessage());
            assertEquals(2, pdb.queries().size());
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        KrollException e = assertThrows(KrollException.class, () -> importFrom(url, ImportOptions.DEFAULT, new ArrayList<>()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("PuppetDB at " + url + ": cannot connect ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("— check the URL and port (8081 for HTTPS, 8080 for HTTP) and that PuppetDB runs"), e.getMessage());
    }

    @Test
    void anAnswerThatNeverComesTimesOut() throws IOException {
        FakePuppetDb[] holder = new FakePuppetDb[1];
        try (FakePuppetDb pdb = FakePuppetDb.http(pql -> holder[0].silence().apply(pql))) {
            holder[0] = pdb;
            KrollException e = assertThrows(KrollException.class,
                    () -> importFrom(pdb.url(), ImportOptions.DEFAULT.withPaging(100, Duration.ofSeconds(1)), new ArrayList<>()));
            assertEquals("PuppetDB at " + pdb.url() + ": no answer within 1 s — raise --timeout, or narrow --query", e.getMessage());
        }
    }

    @Test
    void httpsWithTheClientCertificateAndTheCaImports() throws Exception {
        TestCertificates certs = new TestCertificates();
        Path ca = certs.write(dir.resolve("ca.pem"), certs.ca);
        Path cert = certs.write(dir.resolve("client.pem"), certs.client);
        Path key = certs.write(dir.resolve("client.key"), certs.clientKeys.getPrivate());
        assertTrue(java.nio.file.Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"), "Puppet's PKCS#1 key format");
        try (FakePuppetDb pdb = FakePuppetDb.https(certs.serverContext(), FakePuppetDb.kafkaPages(2))) {
            Inventory inv = importFrom(pdb.url() + "/", PAGED.withTls(cert, key, ca), new ArrayList<>());
            assertEquals(5, inv.hosts().size());
        }
    }

    @Test
    void aPkcs8KeyWorksToo() throws Exception {
        TestCertificates certs = new TestCertificates();
        Path ca = certs.write(dir.resolve("ca.pem"), certs.ca);
        Path cert = certs.write(dir.resolve("client.pem"), certs.client);
        Path key = certs.write(dir.resolve("client.key"), new JcaPKCS8Generator(certs.clientKeys.getPrivate(), null));
        try (FakePuppetDb pdb = FakePuppetDb.https(certs.serverContext(), FakePuppetDb.kafkaPages(2))) {
            Inventory inv = importFrom(pdb.url() + "/pdb/query/v4", PAGED.withTls(cert, key, ca), new ArrayList<>());
            assertEquals(5, inv.hosts().size());
        }
    }

    @Test
    void httpsWithoutTheCaFailsVerificationWithAHint() throws Exception {
        TestCertificates certs = new TestCertificates();
        Path cert = certs.write(dir.resolve("client.pem"), certs.client);
        Path key = certs.write(dir.resolve("client.key"), certs.clientKeys.getPrivate());
        try (FakePuppetDb pdb = FakePuppetDb.https(certs.serverContext(), FakePuppetDb.kafkaPages(2))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), PAGED.withTls(cert, key, null), new ArrayList<>()));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith("PuppetDB at " + pdb.url() + ": TLS failed ("), e.getMessage());
            assertTrue(e.getMessage().contains("pass --cacert with the CA that signed PuppetDB's certificate"), e.getMessage());
            assertTrue(pdb.queries().isEmpty(), "no query reached a server that was not verified");
        }
    }

    @Test
    void httpsWithoutAClientCertificateIsRefusedByTheServer() throws Exception {
        TestCertificates certs = new TestCertificates();
        Path ca = certs.write(dir.resolve("ca.pem"), certs.ca);
        try (FakePuppetDb pdb = FakePuppetDb.https(certs.serverContext(), FakePuppetDb.kafkaPages(2))) {
            KrollException e = assertThrows(KrollException.class, () -> importFrom(pdb.url(), PAGED.withTls(null, null, ca), new ArrayList<>()));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().startsWith("PuppetDB at " + pdb.url() + ": "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(pdb.queries().isEmpty());
        }
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheWayOut() throws Exception {
        TestCertificates certs = new TestCertificates();
        Path cert = certs.write(dir.resolve("client.pem"), certs.client);
        Path key = dir.resolve("client.key");
        java.nio.file.Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + "MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIc3VwZXJzZWMCAggA\n"
                + "MAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBBzdXBlcnNlY3JldHNhbHQhBIIB\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n");
        KrollException e = assertThrows(KrollException.class, () -> PuppetDbTls.context(cert, key, null));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("--key " + key + ": "), e.getMessage());
    }

    @Test
    void aCertificateWithoutItsKeyIsAUsageError() {
        KrollException e = assertThrows(KrollException.class, () -> PuppetDbTls.context(dir.resolve("client.pem"), null, null));
        assertEquals("--cert needs --key: give the private key of the client certificate", e.getMessage());
        assertNull(PuppetDbTls.context(null, null, null), "no TLS files: the JDK's defaults");
    }

    @Test
    void theUrlMayNameTheQueryPathOrNotButNeverCredentials() {
        assertEquals("https://pdb.example.com:8081/pdb/query/v4", PuppetDbClient.endpoint("https://pdb.example.com:8081").toString());
        assertEquals("https://pdb.example.com:8081/pdb/query/v4", PuppetDbClient.endpoint("https://pdb.example.com:8081/").toString());
        assertEquals("http://pdb:8080/pdb/query/v4", PuppetDbClient.endpoint("http://pdb:8080/pdb/query/v4/").toString());
        KrollException creds = assertThrows(KrollException.class, () -> PuppetDbClient.endpoint("https://admin:s3cret@pdb:8081"));
        assertTrue(!creds.getMessage().contains("s3cret"), "the password is not echoed");
        KrollException scheme = assertThrows(KrollException.class, () -> PuppetDbClient.endpoint("pdb.example.com:8081"));
        assertTrue(scheme.getMessage().contains("is not an http:// or https:// URL"), scheme.getMessage());
    }

    @Test
    void aFilterWithPagingOfItsOwnIsRefused() {
        KrollException e = assertThrows(KrollException.class,
                () -> importFrom("http://127.0.0.1:1", ImportOptions.DEFAULT.withQueries("role='kafka' limit 3", null), new ArrayList<>()));
        assertEquals("--query \"role='kafka' limit 3\": 'limit' does not belong in the fact filter; kroll orders and pages the results itself"
                + " — write a fact filter such as role='kafka'", e.getMessage());
    }
}
