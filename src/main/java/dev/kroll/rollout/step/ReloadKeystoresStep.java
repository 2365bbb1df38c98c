package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.gate.BrokerGates;
import dev.kroll.rollout.port.CertAuthority;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code reload-keystores}: certificate rotation without a restart. One broker at a time: upload
 * its re-issued stores, then make it reload them through dynamic configuration
 * ({@code incrementalAlterConfigs} of {@code listener.name.<listener>.ssl.keystore.location}), then
 * check over TLS that the listener presents the new certificate.
 */
public record ReloadKeystoresStep(StepHeader header, String listener, Duration timeout) implements Step {

    public static final StepType TYPE = StepType.single("reload-keystores", Set.of("listener", "timeout"),
            "push re-issued keystores and reload them through dynamic broker config, one broker at a time, no restart",
            (h, f, c) -> new ReloadKeystoresStep(h, f.string("listener", "ssl"), StepFields.duration(f, "timeout", c.problems()).orElse(null)));

    @Override
    public String describe() {
        return "listener=" + listener + " timeout=" + StepFields.describe(timeout);
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.OVERWRITES_FILES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        Duration limit = timeout == null ? ctx.settings().settleTimeout() : timeout;
        Map<Integer, String> names = ctx.brokerNames();
        ctx.awaitGate(null, "all brokers registered", v -> BrokerGates.allRegistered(v, names), limit);
        for (Map.Entry<Integer, Host> b : new TreeMap<>(ctx.brokers()).entrySet()) {
            ctx.hostAction(b.getValue(), "reload-keystore", scope -> {
                CertAuthority certs = ctx.backend().certs();
                Host host = scope.host();
                String keystore = certs.serverKeystorePath(host);
                String expected = certs.serverCertificateFingerprint(host);
                boolean changed = false;
                for (RenderedFile f : certs.stores(host)) {
                    if (ctx.backend().hosts().write(host, f) == WriteOutcome.CHANGED) {
                        scope.changed(f.path());
                        changed = true;
                    }
                }
                if (!changed && expected.equals(ctx.backend().verifier().presentedCertificate(host))) {
                    return ActionResult.unchanged("already presents the current certificate");
                }
                scope.progress("reloading " + keystore + " through listener." + listener + " dynamic config");
                ctx.backend().admin().reloadKeystore(b.getKey(), listener, keystore);
                awaitPresented(ctx, host, expected, limit);
                return ActionResult.changed("reloaded without restart; presents certificate " + expected.substring(0, 16) + "…");
            });
        }
    }

    private static void awaitPresented(StepContext ctx, Host host, String expected, Duration limit) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(limit);
        String seen = null;
        while (Instant.now().isBefore(end)) {
            seen = ctx.backend().verifier().presentedCertificate(host);
            if (expected.equals(seen)) {
                return;
            }
            ctx.sleep(ctx.settings().poll());
        }
        throw KrollException.failure(host.name() + ": the SSL listener still presents certificate " + seen
                + " after the reload, not the new " + expected + " — check the broker log for a rejected keystore update", null);
    }

    @Override
    public void plan(DryRun dry) {
        for (Host h : new TreeMap<>(dry.brokers()).values()) {
            try {
                for (RenderedFile f : dry.backend().certs().stores(h)) {
                    dry.file(h, f);
                }
            } catch (IOException | RuntimeException e) {
                dry.note(h, "cannot read its new stores yet: " + e.getMessage());
            }
            dry.service(h, Role.KAFKA, "reload keystore", "dynamic config listener.name." + listener + ".ssl.keystore.location, no restart");
        }
    }
}
