package io.tradingpipeline.job.bench;

import static io.tradingpipeline.job.testsupport.FlinkJobs.allTasksRunning;
import static io.tradingpipeline.job.testsupport.FlinkJobs.json;

import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.localstack.FlinkSessionCluster;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls the pipeline after a fault for the moments the campaign measures. A probe that throws (a server still
 * coming back) counts as "not yet".
 */
final class RecoveryProbe {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private RecoveryProbe() {
    }

    /**
     * When every task of the job ran again: the start of the unbroken stretch of all tasks RUNNING that a
     * checkpoint triggered after {@code serverBackMillis} completed in (a job that restarts again in between
     * starts a new stretch). {@code jobId} is asked each time: a resubmitted job has a new one.
     *
     * @return epoch milliseconds, never before {@code serverBackMillis}'s first poll
     */
    static long awaitTasksRunning(FlinkSessionCluster flink, Supplier<String> jobId, long serverBackMillis,
                                  Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long runningSince = -1;
        while (System.nanoTime() < deadline) {
            long now = System.currentTimeMillis();
            String job = jobId.get();
            if (!holds(() -> allTasksRunning(flink, job))) {
                runningSince = -1;
            } else {
                if (runningSince < 0) {
                    runningSince = now;
                }
                if (holds(() -> lastCompletedCheckpointTrigger(flink, job) > serverBackMillis)) {
                    return runningSince;
                }
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("the job did not run every task with a checkpoint within " + timeout
                + " (job " + jobId.get() + ", state " + quietState(flink, jobId.get()) + ")");
    }

    /** When MySQL's two tables held at least {@code ticks} ticks each. */
    static long awaitCaughtUp(PipelineStores stores, long ticks, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.currentTimeMillis();
            if (holds(() -> stores.aggregatedTickCount() >= ticks && stores.tickerStatsTickCount() >= ticks)) {
                return now;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("MySQL did not hold all " + ticks + " ticks within " + timeout + " (aggregated_data "
                + readable(stores::aggregatedTickCount) + ", ticker_window_stats "
                + readable(stores::tickerStatsTickCount) + ")");
    }

    private static long lastCompletedCheckpointTrigger(FlinkSessionCluster flink, String jobId) {
        return json(flink.rest("/jobs/" + jobId + "/checkpoints")).path("latest").path("completed")
                .path("trigger_timestamp").asLong(-1);
    }

    private static String quietState(FlinkSessionCluster flink, String jobId) {
        try {
            return flink.jobState(jobId);
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static boolean holds(Supplier<Boolean> probe) {
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String readable(java.util.function.LongSupplier probe) {
        try {
            return Long.toString(probe.getAsLong());
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }
}
