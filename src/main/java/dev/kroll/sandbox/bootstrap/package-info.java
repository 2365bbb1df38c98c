/**
 * The sandbox's bring-up (install, configuration, ZooKeeper quorum, brokers on PLAINTEXT), used by
 * {@code kroll demo --headless} and the JUnit extension until kroll's rollout engine does it.
 *
 * <p>Configuration is kroll's real code path: {@code dev.kroll.plan}'s Planner (ID registry in
 * {@code .kroll/ids.yaml}, heaps, layered config) and HostRenderer. What is INTERIM and to be replaced:
 * the SSH layer ({@link dev.kroll.sandbox.bootstrap.InterimSsh}, plain SSHJ with the sandbox's
 * known_hosts and strict host-key checking, until {@code dev.kroll.remote} lands) and the sequencing in
 * {@link dev.kroll.sandbox.bootstrap.SandboxBringUp} (until the rollout engine's first-time-setup
 * playbook runs it).
 */
package dev.kroll.sandbox.bootstrap;
