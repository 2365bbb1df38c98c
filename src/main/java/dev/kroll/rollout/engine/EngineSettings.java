package dev.kroll.rollout.engine;

import java.time.Duration;

/**
 * @param poll          how often gates re-read the cluster
 * @param settleTimeout how long a gate before a stop may wait (the cluster settling after kroll's own actions)
 * @param stallTimeout  how long a recovering service may go without any progress before it counts as failed
 * @param parallelism   hosts handled at once by fan-out steps
 * @param repeatWaiting how often an unchanged "waiting" reason is published again
 */
public record EngineSettings(Duration poll, Duration settleTimeout, Duration stallTimeout, int parallelism, Duration repeatWaiting) {

    public static final EngineSettings DEFAULT = new EngineSettings(Duration.ofSeconds(2), Duration.ofMinutes(10),
            Duration.ofMinutes(5), 16, Duration.ofSeconds(30));

    public EngineSettings withPoll(Duration p) {
        return new EngineSettings(p, settleTimeout, stallTimeout, parallelism, repeatWaiting);
    }
}
