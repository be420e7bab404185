package io.tradingpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tradingpipeline.job.config.JobConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    @Test
    void takesItsValuesFromTheJobConfiguration() {
        JobConfig config = JobConfig.parse(Map.of("MYSQL_WRITER_PASSWORD", "test-password"), "--kafka-topic", "ticks",
                "--kafka-dlq-topic", "ticks_dlq", "--max-message-bytes", "2048", "--window-size", "5s");

        assertThat(config.topologySettings())
                .isEqualTo(new TopologySettings("ticks", "ticks_dlq", 2048, Duration.ofSeconds(5)));
    }

    @Test
    void rejectsValuesTheTopologyCannotRunWith() {
        Duration minute = Duration.ofMinutes(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologySettings(" ", "dlq", 1, minute));
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologySettings("ticks", "", 1, minute));
        assertThatIllegalArgumentException().isThrownBy(() -> new TopologySettings("ticks", "dlq", 0, minute));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopologySettings("ticks", "dlq", 1, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopologySettings("ticks", "dlq", 1, Duration.ofSeconds(-1)));
    }
}
