package dev.kroll.probe;

/**
 * What a ZooKeeper server answered to one command: stats, a refusal because the command is not in
 * {@code 4lw.commands.whitelist}, "not currently serving requests", or something unreadable.
 *
 * @param stats the parsed stats for {@link Kind#STATS} (and {@link Kind#NOT_SERVING}), else null
 * @param text  the server's own words for the other kinds, trimmed
 */
public record ZkAnswer(Kind kind, ZkServerStats stats, String text) {

    public enum Kind { STATS, NOT_WHITELISTED, NOT_SERVING, UNREADABLE }

    static ZkAnswer stats(ZkServerStats s) {
        return new ZkAnswer(Kind.STATS, s, null);
    }

    static ZkAnswer of(Kind kind, String text) {
        return new ZkAnswer(kind, kind == Kind.NOT_SERVING ? ZkServerStats.notServing(ZkServerStats.Via.FOUR_LETTER_WORDS) : null,
                text == null ? "" : text.strip());
    }
}
