package io.tradingpipeline.job.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * One round of the fault campaign: the fault, when it struck after the first tick was sent, and either the
 * recovery times or why the round failed. A time the round never reached is null.
 */
record RoundResult(int round, FaultKind kind, Duration faultAfter, long ticks, Duration killToTasksRunning,
                   Duration killToCaughtUp, String failure) {

    boolean failed() {
        return failure != null;
    }

    /** e.g. {@code round 3/20 kafka-kill 7.2 s after the first send: ok | 30,000 ticks | kill → tasks RUNNING 12.3 s | …}. */
    String line(int rounds) {
        return String.format(Locale.ROOT, "round %d/%d %s %.1f s after the first send: %s | %,d ticks | "
                        + "kill -> tasks RUNNING %s | kill -> caught up %s", round, rounds, kind,
                faultAfter.toMillis() / 1000.0, failed() ? "FAILED: " + failure : "ok", ticks,
                seconds(killToTasksRunning), seconds(killToCaughtUp));
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
