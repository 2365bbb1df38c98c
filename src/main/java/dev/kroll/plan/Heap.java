package dev.kroll.plan;

import dev.kroll.util.ByteSize;

/** One role's heap on one host, and the reason in one line ("6g: 25% of 32 GiB capped at 6g; …"). */
public record Heap(ByteSize size, String reason) {
}
