package dev.kroll.sandbox.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class a sandbox of {@link #hosts()} simulated hosts, shared by its tests: parameters of
 * type {@link SandboxCluster} receive it. With {@link #cluster()} (default) ZooKeeper and the brokers are
 * brought up before the first test. Everything is stopped after the class, also when it fails, and the
 * class fails if any process of the sandbox is left.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SandboxExtension.class)
public @interface KrollSandbox {

    int hosts() default 3;

    /** Bring ZooKeeper and Kafka up on PLAINTEXT before the tests (false: hosts only, nothing installed). */
    boolean cluster() default true;
}
