package io.tradingpipeline.job;

import io.tradingpipeline.job.config.JobConfig;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Exactly-once checkpointing, restarts with exponential backoff and parallelism, from the job's configuration,
 * and object reuse, which the topology is written for.
 */
public final class JobExecutionSettings {
    private JobExecutionSettings() {}

    public static void apply(StreamExecutionEnvironment env, JobConfig config) {
        Configuration settings = new Configuration();
        // A lost TaskManager or a short store outage costs about a second; a long outage is retried every
        // max-delay until the store is back. The backoff resets after an hour without failure.
        settings.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        settings.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                config.restartInitialDelay());
        settings.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, config.restartMaxDelay());
        settings.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        settings.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        settings.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
                config.restartAttempts() == 0 ? Integer.MAX_VALUE : config.restartAttempts());
        if (!config.checkpointDir().isBlank()) {
            settings.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
        }
        env.configure(settings);

        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        checkpoints.setCheckpointTimeout(config.checkpointTimeout().toMillis());
        checkpoints.setMinPauseBetweenCheckpoints(config.checkpointMinPause().toMillis());
        checkpoints.setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (config.parallelism() > 0) {
            env.setParallelism(config.parallelism());
        }
        enableObjectReuse(env);
    }

    /**
     * The part of {@link #apply} that concerns the topology rather than the deployment; tests and benchmarks
     * run the topology with it, as the job does.
     */
    public static void enableObjectReuse(StreamExecutionEnvironment env) {
        // No function of the topology keeps or changes an input record, so chained operators may pass
        // records without a defensive copy (a copy of every message's bytes and every tick otherwise).
        env.getConfig().enableObjectReuse();
    }
}
