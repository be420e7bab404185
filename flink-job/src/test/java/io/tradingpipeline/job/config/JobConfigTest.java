package io.tradingpipeline.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class JobConfigTest {

    @Test
    void defaultsMatchTheLocalDevelopmentSetup() {
        JobConfig config = JobConfig.parse();

        // Defaults apply unless the environment of the test JVM overrides them.
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null) {
            assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        }
        if (System.getenv("MYSQL_WRITER_PASSWORD") == null) {
            assertThat(config.mysqlPassword()).isEqualTo("writer-dev");
        }
        assertThat(config.topic()).isEqualTo("trading_data");
        assertThat(config.deadLetterTopic()).isEqualTo("trading_data_dlq");
        assertThat(config.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(config.mysqlUser()).isEqualTo("trading_writer");
        assertThat(config.windowSize()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.cassandraContactPoints()).containsExactly("localhost");
        assertThat(config.cassandraMaxConcurrentRequests()).isEqualTo(500);
        assertThat(config.helpRequested()).isFalse();
    }

    @Test
    void parsesEveryKindOfValue() {
        JobConfig config = JobConfig.parse("--window-size", "500ms", "--checkpoint-interval", "2 s",
                "--starting-offsets", "latest", "--cassandra-contact-points", "a, b ,c", "--parallelism", "2",
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
        assertThatThrownBy(() -> JobConfig.parse("--windw-size", "1s"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--windw-size");
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> JobConfig.parse("--window-size", "soon"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--window-size").hasMessageContaining("soon");
        assertThatThrownBy(() -> JobConfig.parse("--cassandra-port", "x"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--cassandra-port");
        assertThatThrownBy(() -> JobConfig.parse("--starting-offsets", "newest"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--starting-offsets").hasMessageContaining("committed-or-earliest");
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertThatThrownBy(() -> JobConfig.parse("--window-size", "0s"))
                .isInstanceOf(ParameterException.class).hasMessage("--window-size must be positive");
        assertThatThrownBy(() -> JobConfig.parse("--restart-attempts", "-1"))
                .isInstanceOf(ParameterException.class).hasMessage("--restart-attempts must not be negative");
        assertThatThrownBy(() -> JobConfig.parse("--restart-initial-delay", "10s", "--restart-max-delay", "5s"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--restart-max-delay must not be shorter than --restart-initial-delay");
    }

    @Test
    void helpListsEveryOptionWithEnvironmentVariable() {
        assertThat(JobConfig.parse("--help").helpRequested()).isTrue();
        String usage = JobConfig.usage();

        assertThat(usage).contains("--kafka-bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "--mysql-password",
                "MYSQL_WRITER_PASSWORD", "--window-size", "WINDOW_SIZE", "--checkpoint-min-pause", "--restart-initial-delay",
                "--cassandra-max-concurrent-requests", "--max-message-bytes", "Default: trading_data");
        assertThat(usage).doesNotContain("Default: writer-dev");
    }
}
