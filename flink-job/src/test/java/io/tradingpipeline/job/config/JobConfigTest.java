package io.tradingpipeline.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingpipeline.contract.MissingSettingException;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.job.TopologySettings;
import io.tradingpipeline.job.WindowTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

class JobConfigTest {

    /** Only the one secret the job needs, which has no default. */
    private static final Map<String, String> NO_ENVIRONMENT = Map.of("MYSQL_WRITER_PASSWORD", "test-password");

    @Test
    void defaultsAreTheSettingsDefaultsAndTheOptionsOwn() {
        JobConfig config = JobConfig.parse(NO_ENVIRONMENT);

        assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.mysqlPassword()).isEqualTo("test-password");
        assertThat(config.mysqlUser()).isEqualTo("trading_writer");
        assertThat(config.topic()).isEqualTo("trading_data");
        assertThat(config.deadLetterTopic()).isEqualTo("trading_data_dlq");
        assertThat(config.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(config.windowSize()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.cassandraContactPoints()).containsExactly("localhost");
        assertThat(config.cassandraMaxConcurrentRequests()).isEqualTo(500);
        assertThat(config.helpRequested()).isFalse();
    }

    @Test
    void theEnvironmentOverridesDefaultsAndFlagsOverrideTheEnvironment() {
        JobConfig config = JobConfig.parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:29092", "WINDOW_SIZE", "15min",
                "MYSQL_WRITER_PASSWORD", "secret", "PARALLELISM", "3"), "--parallelism", "4");

        assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka:29092");
        assertThat(config.windowSize()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.mysqlPassword()).isEqualTo("secret");
        assertThat(config.parallelism()).isEqualTo(4);
    }

    @Test
    void windowsAreInProcessingTimeUnlessEventTimeIsChosen() {
        TopologySettings defaults = JobConfig.parse(NO_ENVIRONMENT).topologySettings();
        assertThat(defaults.windowTime()).isEqualTo(WindowTime.PROCESSING);
        assertThat(defaults.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.sourceIdleTimeout()).isEqualTo(Duration.ofSeconds(30));

        TopologySettings event = JobConfig.parse(Map.of("WINDOW_TIME", "event", "MAX_OUT_OF_ORDERNESS", "2s",
                "MYSQL_WRITER_PASSWORD", "test-password"),
                "--source-idle-timeout", "500ms").topologySettings();
        assertThat(event.windowTime()).isEqualTo(WindowTime.EVENT);
        assertThat(event.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(2));
        assertThat(event.sourceIdleTimeout()).isEqualTo(Duration.ofMillis(500));

        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--window-time", "ingestion"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'ingestion' is not one of processing | event");
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--source-idle-timeout", "0s"))
                .isInstanceOf(ParameterException.class).hasMessage("--source-idle-timeout must be positive");
    }

    @Test
    void everyOptionIsASettingAndNamesItsEnvironmentVariable() {
        List<OptionSpec> options = JobConfig.commandLine().getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp())
                .toList();

        assertThat(options).hasSizeGreaterThan(20).allSatisfy(option -> {
            Setting setting = Setting.ofOption(option.longestName()).orElseThrow(
                    () -> new AssertionError(option.longestName() + " is not a Setting"));
            assertThat(String.join(" ", option.description())).as(option.longestName()).contains(setting.name());
        });
    }

    @Test
    void parsesEveryKindOfValue() {
        JobConfig config = JobConfig.parse(NO_ENVIRONMENT, "--window-size", "500ms", "--checkpoint-interval", "2 s",
                "--kafka-starting-offsets", "latest", "--cassandra-contact-points", "a, b ,c", "--parallelism", "2",
                "--max-message-bytes", "100");

        assertThat(config.windowSize()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
        assertThat(config.cassandraContactPoints()).containsExactly("a", "b", "c");
        assertThat(config.parallelism()).isEqualTo(2);
        assertThat(config.maxMessageBytes()).isEqualTo(100);
    }

    @Test
    void unknownOptionIsNamed() {
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--windw-size", "1s"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--windw-size");
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--window-size", "soon"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--window-size").hasMessageContaining("soon");
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--cassandra-port", "x"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--cassandra-port");
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--kafka-starting-offsets", "newest"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--kafka-starting-offsets").hasMessageContaining("committed-or-earliest");
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--window-size", "0s"))
                .isInstanceOf(ParameterException.class).hasMessage("--window-size must be positive");
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--restart-attempts", "-1"))
                .isInstanceOf(ParameterException.class).hasMessage("--restart-attempts must not be negative");
        assertThatThrownBy(() -> JobConfig.parse(NO_ENVIRONMENT, "--restart-initial-delay", "10s", "--restart-max-delay", "5s"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--restart-max-delay must not be shorter than --restart-initial-delay");
    }

    @Test
    void helpListsEveryOptionWithEnvironmentVariable() {
        assertThat(JobConfig.parse(NO_ENVIRONMENT, "--help").helpRequested()).isTrue();
        String usage = JobConfig.usage();

        assertThat(usage).contains("--kafka-bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "--mysql-writer-password",
                "MYSQL_WRITER_PASSWORD", "--window-size", "WINDOW_SIZE", "--checkpoint-min-pause", "--restart-initial-delay",
                "--cassandra-max-concurrent-requests", "--max-message-bytes", "Default: trading_data");
        assertThat(usage).doesNotContain("Default: test-password");
    }

    @Test
    void withoutTheMySqlPasswordTheJobNamesTheVariableAndTheFlag() {
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("MYSQL_WRITER_PASSWORD", ""))) {
            assertThatThrownBy(() -> JobConfig.parse(environment))
                    .isInstanceOf(MissingSettingException.class)
                    .hasMessage("MYSQL_WRITER_PASSWORD is not set: export MYSQL_WRITER_PASSWORD or pass "
                            + "--mysql-writer-password");
        }
        assertThat(JobConfig.parse(Map.of(), "--mysql-writer-password", "from-flag").mysqlPassword())
                .isEqualTo("from-flag");
    }
}
