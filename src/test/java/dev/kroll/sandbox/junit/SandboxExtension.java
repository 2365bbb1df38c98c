package dev.kroll.sandbox.junit;

import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.Sandbox;
import dev.kroll.sandbox.SandboxProcesses;
import dev.kroll.sandbox.bootstrap.SandboxBringUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link KrollSandbox}: one sandbox per test class under {@code target/sandboxes/},
 * kept in the class's extension store so that JUnit closes it after the class however the class ends.
 * Closing stops every service, then checks that no process of the sandbox is left (and fails the class
 * if one is); the sandbox directory is deleted when nothing was left, kept for its logs otherwise.
 */
public final class SandboxExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        KrollSandbox spec = AnnotationSupport.findAnnotation(testClass, KrollSandbox.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " has no @KrollSandbox"));
        Path root = Files.createDirectories(Path.of("target", "sandboxes"))
                .resolve(testClass.getSimpleName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Sandbox sandbox = Sandbox.start(new Sandbox.Spec(root, spec.hosts(), null));
        Running running = new Running(sandbox);
        context.getStore(NS).put(Running.class, running);
        if (spec.cluster()) {
            SandboxBringUp.Result r = SandboxBringUp.run(sandbox.inventory(), KafkaDistribution.locate(), line -> { });
            running.cluster.up(r);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SandboxCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running r = context.getStore(NS).get(Running.class, Running.class);
        if (r == null) {
            throw new IllegalStateException("SandboxCluster parameters need @KrollSandbox on the test class");
        }
        return r.cluster;
    }

    /** What the store closes after the class. */
    static final class Running implements AutoCloseable {

        final Sandbox sandbox;
        final SandboxCluster cluster;

        Running(Sandbox sandbox) {
            this.sandbox = sandbox;
            this.cluster = new SandboxCluster(sandbox);
        }

        @Override
        public void close() throws IOException {
            sandbox.close();
            List<ProcessHandle> left = SandboxProcesses.strays(sandbox.layout());
            if (!left.isEmpty()) {
                SandboxProcesses.terminate(left, java.time.Duration.ofSeconds(10));
                throw new AssertionError("the sandbox left processes behind: " + left.stream()
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.joining("; ")));
            }
            try (Stream<Path> files = Files.walk(sandbox.layout().root())) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
