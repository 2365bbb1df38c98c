package dev.kroll.probe;

import dev.kroll.inventory.Role;

/** One service on one host ({@code kafka} or {@code zookeeper}). */
public record ProcessSnapshot(String host, Role service, Reading<ProcessState> state) {
}
