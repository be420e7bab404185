package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.TickMessageSample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TickJsonTest {

    @Test
    void writesTheFirstSampleMessageExactly() {
        Tick tick = new Tick(521, "ALTO.JK", Instant.parse("2024-09-05T07:52:35.870Z"), 538, 538000, 195668,
                "Beverages");
        Tick other = new Tick(522, "TMAS.JK", Instant.parse("2024-09-05T07:52:35Z"), 588, 5292000, 377118,
                "Logistics & Deliveries");

        String json = new String(TickJson.write(List.of(tick, other)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo(TickMessageSample.all().get(0).message());
    }

    @Test
    void createdAtIsUtcRegardlessOfTheDefaultZone() {
        Tick tick = new Tick(1, "A", Instant.parse("2024-12-31T23:59:59Z"), 1, 1, 100, "S");
        TimeZone defaultZone = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Pacific/Kiritimati", "America/Los_Angeles", "UTC"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertThat(new String(TickJson.write(List.of(tick)), StandardCharsets.UTF_8)).as(zone)
                        .contains("\"created_at\":\"2024-12-31 23:59:59\"");
            }
        } finally {
            TimeZone.setDefault(defaultZone);
        }
    }

    static Stream<TickMessageSample> samples() {
        return TickMessageSample.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void maxIdIsTheHighestIntegralIdOfAnyTickObject(TickMessageSample sample) {
        assertThat(TickJson.maxId(sample.bytes())).isEqualTo(sample.highestIdValue());
    }

    @Test
    void maxIdReadsNoIdOfNestedObjectsAndNoneOfNothing() {
        assertThat(TickJson.maxId(bytes("[{\"nested\":{\"id\":99},\"id\":3}]"))).hasValue(3);
        assertThat(TickJson.maxId(null)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
