package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickJsonTest {

    @Test
    void writesTheSeedFormatWithKeysInOrder() {
        Tick tick = new Tick(521, "ALTO.JK", Instant.parse("2024-09-05T07:52:35.870Z"), 538, 538000, 195668,
                "Beverages");
        Tick other = new Tick(522, "TMAS.JK", Instant.parse("2024-09-05T07:52:35Z"), 588, 5292000, 377118,
                "Logistics & Deliveries");

        String json = new String(TickJson.write(List.of(tick, other)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("[{\"id\":521,\"ticker\":\"ALTO.JK\",\"created_at\":\"2024-09-05 07:52:35\","
                + "\"price\":538,\"market_cap\":538000,\"volume\":195668,\"sector\":\"Beverages\"},"
                + "{\"id\":522,\"ticker\":\"TMAS.JK\",\"created_at\":\"2024-09-05 07:52:35\",\"price\":588,"
                + "\"market_cap\":5292000,\"volume\":377118,\"sector\":\"Logistics & Deliveries\"}]");
    }

    @Test
    void createdAtIsUtcRegardlessOfTheDefaultZone() {
        Tick tick = new Tick(1, "A", Instant.parse("2024-12-31T23:59:59Z"), 1, 1, 100, "S");
        assertThat(new String(TickJson.write(List.of(tick)), StandardCharsets.UTF_8))
                .contains("\"created_at\":\"2024-12-31 23:59:59\"");
    }

    @Test
    void maxIdReadsTheHighestIdOfARound() {
        assertThat(TickJson.maxId(bytes("[{\"id\":7,\"ticker\":\"A\"},{\"ticker\":\"B\",\"id\":9},{\"id\":8}]")))
                .hasValue(9);
        assertThat(TickJson.maxId(bytes("[{\"nested\":{\"id\":99},\"id\":3}]"))).hasValue(3);
    }

    @Test
    void maxIdSkipsMessagesWithoutTickIds() {
        assertThat(TickJson.maxId(bytes("not json"))).isEmpty();
        assertThat(TickJson.maxId(bytes("{\"id\":5}"))).isEmpty();
        assertThat(TickJson.maxId(bytes("[]"))).isEmpty();
        assertThat(TickJson.maxId(bytes("[{\"id\":\"12\"}]"))).isEmpty();
        assertThat(TickJson.maxId(null)).isEmpty();
        assertThat(TickJson.maxId(bytes("[{\"id\":4},{\"id\":"))).hasValue(4);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
