package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.config.JobConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class JobExecutionSettingsTest {

    @Test
    void defaultsAreExactlyOnceWithRetainedCheckpointsAndUnboundedRestartsFromOneSecond() {
        StreamExecutionEnvironment env = configured();

        CheckpointConfig checkpoints = env.getCheckpointConfig();
        assertThat(checkpoints.getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(checkpoints.getCheckpointInterval()).isEqualTo(Duration.ofSeconds(10).toMillis());
        assertThat(checkpoints.getExternalizedCheckpointRetention())
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        Configuration settings = (Configuration) env.getConfiguration();
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(settings.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
    }

    @Test
    void everySettingComesFromTheConfiguration() {
        StreamExecutionEnvironment env = configured("--checkpoint-interval", "3s", "--checkpoint-timeout", "45s",
                "--checkpoint-min-pause", "1500ms", "--checkpoint-dir", "file:///var/flink/checkpoints",
                "--restart-attempts", "4", "--restart-initial-delay", "2s", "--restart-max-delay", "1min",
                "--parallelism", "2");

        CheckpointConfig checkpoints = env.getCheckpointConfig();
        assertThat(checkpoints.getCheckpointInterval()).isEqualTo(3_000);
        assertThat(checkpoints.getCheckpointTimeout()).isEqualTo(45_000);
        assertThat(checkpoints.getMinPauseBetweenCheckpoints()).isEqualTo(1_500);
        Configuration settings = (Configuration) env.getConfiguration();
        assertThat(settings.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///var/flink/checkpoints");
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS)).isEqualTo(4);
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(env.getParallelism()).isEqualTo(2);
    }

    @Test
    void reusesObjectsBetweenChainedOperators() {
        assertThat(configured().getConfig().isObjectReuseEnabled()).isTrue();

        StreamExecutionEnvironment topologyOnly = StreamExecutionEnvironment.getExecutionEnvironment();
        JobExecutionSettings.enableObjectReuse(topologyOnly);
        assertThat(topologyOnly.getConfig().isObjectReuseEnabled()).isTrue();
    }

    private static StreamExecutionEnvironment configured(String... args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobExecutionSettings.apply(env, JobConfig.parse(Map.of("MYSQL_WRITER_PASSWORD", "test-password"), args));
        return env;
    }
}
