package io.tradingpipeline.generator;

/**
 * Schedules round {@code k} at {@code start + k × interval} on the monotonic clock, so the cadence does not
 * drift with the time a round takes. A pacer that fell more than {@value #MAX_BACKLOG_NANOS} ns behind (slow
 * broker, long GC) moves its schedule instead of bursting to catch up. An interval of 0 means no pacing.
 */
public final class RoundPacer {

    private static final long MAX_BACKLOG_NANOS = 1_000_000_000L;

    private final long intervalNanos;
    private long origin;

    public RoundPacer(long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("interval must not be negative");
        }
        this.intervalNanos = intervalNanos;
    }

    public void start() {
        origin = System.nanoTime();
    }

    /**
     * Waits until {@code round} (0-based) is due. Returns false, without waiting further, when the stop is
     * requested or {@code deadlineNanos} (a {@link System#nanoTime()} value) comes first.
     */
    public boolean awaitRound(long round, StopSignal stop, long deadlineNanos) {
        long now = System.nanoTime();
        long due = origin + round * intervalNanos;
        if (now - due > MAX_BACKLOG_NANOS) {
            origin += now - due;
            due = now;
        }
        long until = Math.min(due, deadlineNanos);
        long wait = until - now;
        if (wait > 0 && stop.awaitNanos(wait)) {
            return false;
        }
        return !stop.isRequested() && System.nanoTime() - deadlineNanos < 0;
    }
}
