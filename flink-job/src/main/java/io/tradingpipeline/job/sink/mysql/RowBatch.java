package io.tradingpipeline.job.sink.mysql;

import java.util.List;
import java.util.UUID;

/**
 * The rows one writer subtask produced between two checkpoint barriers: the committable of
 * {@link ExactlyOnceMySqlSink}. {@code id} is drawn once, when the batch is cut at a barrier, and travels with the
 * batch through the checkpoint, so a batch committed again after a restore is recognised by it.
 *
 * @param rows column values in the order of the sink's columns (Long, Integer, String, BigDecimal, LocalDate or
 *     LocalDateTime; see {@link RowBatchSerializer})
 */
public record RowBatch(UUID id, List<List<Object>> rows) {
    public RowBatch {
        rows = List.copyOf(rows);
    }

    @Override
    public String toString() {
        return "RowBatch[" + id + ", " + rows.size() + " rows]";
    }
}
