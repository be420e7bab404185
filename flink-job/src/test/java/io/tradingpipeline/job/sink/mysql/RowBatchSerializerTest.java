package io.tradingpipeline.job.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowBatchSerializerTest {
    private final RowBatchSerializer serializer = new RowBatchSerializer();

    @Test
    void everyColumnTypeOfTheSinksSurvivesACheckpoint() throws IOException {
        RowBatch batch = new RowBatch(UUID.randomUUID(), List.of(
                Arrays.asList(LocalDateTime.of(2026, 12, 1, 23, 59, 59, 999_000_000), LocalDate.of(2026, 12, 1),
                        "Machinery", 9_007_199_254_740_993L, 12, new BigDecimal("-1234.5670"),
                        new BigDecimal("1E+3"), null, "Ünïcødé ☂"),
                List.of(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDate.of(1969, 12, 31), "", Long.MIN_VALUE,
                        Integer.MAX_VALUE, new BigDecimal("0.0001"))));

        RowBatch restored = serializer.deserialize(serializer.getVersion(), serializer.serialize(batch));

        assertThat(restored.id()).isEqualTo(batch.id());
        assertThat(restored.rows()).isEqualTo(batch.rows());
        // BigDecimal.equals compares the scale too: 1234.5670 must not come back as 1234.567.
        assertThat(((BigDecimal) restored.rows().get(0).get(5)).scale()).isEqualTo(4);
    }

    @Test
    void anEmptyBatchKeepsItsId() throws IOException {
        RowBatch batch = new RowBatch(UUID.randomUUID(), List.of());
        assertThat(serializer.deserialize(1, serializer.serialize(batch))).isEqualTo(batch);
    }

    @Test
    void aValueOfAnotherTypeIsRefusedWhenTheCheckpointIsTaken() {
        RowBatch batch = new RowBatch(UUID.randomUUID(), List.of(List.of(3.14)));
        assertThatThrownBy(() -> serializer.serialize(batch)).isInstanceOf(IOException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void aBatchOfAnUnknownVersionIsRefused() throws IOException {
        byte[] bytes = serializer.serialize(new RowBatch(UUID.randomUUID(), List.of()));
        assertThatThrownBy(() -> serializer.deserialize(2, bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown version 2");
    }
}
