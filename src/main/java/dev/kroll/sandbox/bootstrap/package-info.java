/**
 * INTERIM: a minimal bring-up of the sandbox cluster (install, configs, ZooKeeper quorum, brokers on
 * PLAINTEXT) used by {@code kroll demo --headless} and the JUnit extension until kroll's own planner
 * ({@code dev.kroll.plan} renderers), SSH layer ({@code dev.kroll.remote}) and rollout engine land. It is
 * deliberately small and self-contained so that it can be deleted in one piece: configs are rendered
 * minimally here, IDs are positional (no ID registry), and SSH is plain SSHJ with the sandbox's
 * known_hosts (strict host-key checking, no accept-all verifier).
 */
package dev.kroll.sandbox.bootstrap;
