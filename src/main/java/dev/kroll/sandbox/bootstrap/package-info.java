/**
 * The sandbox's bring-up (install, configuration, ZooKeeper quorum, brokers on PLAINTEXT), used by
 * {@code kroll demo --headless} and the JUnit extension until kroll's rollout engine does it.
 *
 * <p>It runs kroll's real code paths: {@code dev.kroll.plan}'s Planner (ID registry in
 * {@code .kroll/ids.yaml}, heaps, layered config) and HostRenderer for the files, and {@code dev.kroll.remote}
 * (sessions, fan-out, atomic upload) for SSH. What is INTERIM and to be replaced is the sequencing in
 * {@link dev.kroll.sandbox.bootstrap.SandboxBringUp}, until the rollout engine's first-time-setup playbook
 * runs it.
 */
package dev.kroll.sandbox.bootstrap;
