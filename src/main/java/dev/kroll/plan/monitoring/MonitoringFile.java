package dev.kroll.plan.monitoring;

/** A rendered monitoring file: its absolute path on the host and its content. */
public record MonitoringFile(String path, String content) {
}
