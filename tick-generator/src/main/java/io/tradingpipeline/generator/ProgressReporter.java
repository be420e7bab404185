package io.tradingpipeline.generator;

import io.tradingpipeline.contract.GeneratorProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a progress line every few seconds and the final summary, both on stderr, and writes the same counts to a
 * progress file for programs when one is given.
 */
public final class ProgressReporter implements AutoCloseable {

    private final SendStats stats;
    private final PrintWriter err;
    private final Path progressFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastAckedTicks;

    /** @param progressFile where to write {@link GeneratorProgress}, or null */
    public ProgressReporter(SendStats stats, PrintWriter err, Path progressFile) {
        this.stats = stats;
        this.err = err;
        this.progressFile = progressFile;
    }

    public void start(Duration every) {
        long millis = every.toMillis();
        timer.scheduleAtFixedRate(this::printProgress, millis, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void printProgress() {
        long now = System.nanoTime();
        long acked = stats.ackedTicks();
        double recent = perSecond(acked - lastAckedTicks, now - lastNanos);
        lastNanos = now;
        lastAckedTicks = acked;
        err.println(String.format(Locale.ROOT,
                "progress: sent %,d rounds (%,d ticks), acknowledged %,d ticks, failed %,d rounds | "
                        + "%,.0f ticks/s now, %,.0f ticks/s average",
                stats.sentRounds(), stats.sentRounds() * stats.ticksPerRound(), acked, stats.failedRounds(),
                recent, perSecond(acked, now - startNanos)));
        err.flush();
        writeProgress(false);
    }

    /** The final summary; {@code firstId..lastId} are the ids handed out in this run. */
    public synchronized void printSummary(long firstId, long lastId) {
        long elapsed = System.nanoTime() - startNanos;
        String ids = lastId >= firstId ? String.format(Locale.ROOT, "ids %d..%d", firstId, lastId) : "no ids";
        long rounds = stats.sentRounds();
        err.println(String.format(Locale.ROOT,
                "summary: %,d rounds sent (%,d ticks, %s), %,d ticks acknowledged, %,d rounds failed in %.1f s: "
                        + "%,.0f ticks/s, %,.0f rounds/s, %.2f MB/s (%.1f MB of JSON, %,d B/round)",
                rounds, rounds * stats.ticksPerRound(), ids, stats.ackedTicks(), stats.failedRounds(),
                elapsed / 1e9, perSecond(stats.ackedTicks(), elapsed), perSecond(stats.ackedRounds(), elapsed),
                perSecond(stats.sentBytes(), elapsed) / 1e6, stats.sentBytes() / 1e6,
                rounds == 0 ? 0 : stats.sentBytes() / rounds));
        err.flush();
        writeProgress(true);
    }

    private void writeProgress(boolean finished) {
        if (progressFile != null) {
            new GeneratorProgress(stats.sentRounds(), stats.sentRounds() * stats.ticksPerRound(), stats.ackedTicks(),
                    stats.failedRounds(), finished).writeTo(progressFile);
        }
    }

    private static double perSecond(long amount, long nanos) {
        return nanos <= 0 ? 0 : amount * 1e9 / nanos;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
