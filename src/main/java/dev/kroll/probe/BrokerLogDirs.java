package dev.kroll.probe;

import java.util.List;

/** One broker's log directories, read with {@code describeLogDirs}. */
public record BrokerLogDirs(int brokerId, Reading<List<LogDir>> dirs) {
}
