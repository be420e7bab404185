package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalRunWindowTimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-09-05T10:32:30Z");
    private static final String EVENT_TIME_VERTEX = "Volume per date and sector (event time) -> Sector volumes to "
            + "MySQL (aggregated_data): Writer -> Sector volumes to MySQL (aggregated_data): Committer";

    @Test
    void aProcessingTimeJobHasNoWatermarkToShow() {
        assertThat(LocalRun.windowTime("Volume per date and sector -> Sector volumes to MySQL (aggregated_data): "
                + "Writer", null, NOW)).isEqualTo("processing time");
    }

    @Test
    void anEventTimeJobShowsHowFarItsLeastSubtaskWatermarkTrails() throws Exception {
        // Flink's /jobs/<id>/vertices/<id>/watermarks: one metric per subtask, values as strings.
        JsonNode watermarks = JSON.readTree("[{\"id\":\"0.currentInputWatermark\",\"value\":\""
                + Instant.parse("2024-09-05T10:32:24.999Z").toEpochMilli() + "\"},"
                + "{\"id\":\"1.currentInputWatermark\",\"value\":\""
                + Instant.parse("2024-09-05T10:32:17Z").toEpochMilli() + "\"}]");

        assertThat(LocalRun.windowTime(EVENT_TIME_VERTEX, watermarks, NOW)).isEqualTo("event time, watermark 13 s behind");
    }

    @Test
    void anEventTimeJobBeforeItsFirstWatermarkSaysSo() throws Exception {
        JsonNode noWatermark = JSON.readTree("[{\"id\":\"0.currentInputWatermark\",\"value\":\"-9223372036854775808\"}]");

        assertThat(LocalRun.windowTime(EVENT_TIME_VERTEX, noWatermark, NOW)).isEqualTo("event time, no watermark yet");
        assertThat(LocalRun.windowTime(EVENT_TIME_VERTEX, JSON.readTree("[]"), NOW))
                .isEqualTo("event time, no watermark yet");
    }
}
