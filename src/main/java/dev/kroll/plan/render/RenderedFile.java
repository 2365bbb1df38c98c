package dev.kroll.plan.render;

/**
 * One file for one host: its name in {@code kroll render}'s output, the path and mode it gets on the
 * host, and its content (always ending in a newline).
 */
public record RenderedFile(String name, String path, String mode, String content) {
}
