/**
 * A quick bring-up of a sandbox as a PLAINTEXT cluster (install, configuration, ZooKeeper quorum, brokers),
 * used by the JUnit extension ({@code @KrollSandbox(cluster = true)}) and benchmarks that need a running
 * cluster without a rollout. {@code kroll demo --headless} runs the rollout engine's first-time-setup
 * playbook instead.
 *
 * <p>It runs kroll's real code paths: {@code dev.kroll.plan}'s Planner (ID registry in
 * {@code .kroll/ids.yaml}, heaps, layered config) and HostRenderer for the files, and {@code dev.kroll.remote}
 * (sessions, fan-out, atomic upload) for SSH; only the sequencing in
 * {@link dev.kroll.sandbox.bootstrap.SandboxBringUp} is its own.
 */
package dev.kroll.sandbox.bootstrap;
