package dev.kroll.plan.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kroll.inventory.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirewallRenderingTest {

    private final Inventory inv = Fixtures.orders();

    @Test
    void nftablesRulesMatchTheGoldenFiles() throws IOException {
        for (String host : List.of("zk1.example.com", "kafka1.example.com")) {
            Golden.assertMatches("around/golden/" + host + ".nft", NftablesRenderer.render(policy(host)));
        }
    }

    @Test
    void iptablesRulesMatchTheGoldenFiles() throws IOException {
        Golden.assertMatches("around/golden/kafka1.example.com.iptables", IptablesRenderer.render(policy("kafka1.example.com"), false));
        Golden.assertMatches("around/golden/kafka1.example.com.ip6tables", IptablesRenderer.render(policy("kafka1.example.com"), true));
    }

    /** nft's check mode parses and validates the whole script against the kernel's grammar without applying it. */
    @Test
    void nftablesAcceptsTheRenderedRules(@TempDir Path dir) throws Exception {
        assumeTool("/usr/sbin/nft");
        for (String host : List.of("zk1.example.com", "kafka1.example.com")) {
            Path f = dir.resolve(host + ".nft");
            Files.writeString(f, NftablesRenderer.render(policy(host)));
            assertEquals(0, run(null, "/usr/sbin/nft", "-c", "-f", f.toString()), host);
        }
    }

    @Test
    void iptablesRestoreAcceptsTheRenderedRules() throws Exception {
        assumeTool("/usr/sbin/iptables-restore");
        assertEquals(0, run(IptablesRenderer.render(policy("kafka1.example.com"), false), "/usr/sbin/iptables-restore", "--test", "--noflush"));
        assertEquals(0, run(IptablesRenderer.render(policy("kafka1.example.com"), true), "/usr/sbin/ip6tables-restore", "--test", "--noflush"));
    }

    private FirewallPolicy policy(String host) {
        return FirewallPlanner.plan(inv, inv.host(host).orElseThrow(), new ArrayList<>());
    }

    private static void assumeTool(String path) {
        boolean present = Files.isExecutable(Path.of(path));
        if (!present && "1".equals(System.getenv("KROLL_REQUIRE_FIREWALL_TOOLS"))) {
            throw new AssertionError(path + " is missing but KROLL_REQUIRE_FIREWALL_TOOLS=1 (install nftables and iptables)");
        }
        assumeTrue(present, path + " not installed");
    }

    private static int run(String stdin, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        if (p.exitValue() != 0) {
            System.err.println(out);
        }
        return p.exitValue();
    }
}
