package io.tradingpipeline.job.sink.mysql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

/**
 * Collects the column values of the records between two checkpoint barriers and hands them to the committer as
 * one {@link RowBatch} at the barrier. It writes nothing itself and keeps no state: rows after the last barrier
 * are produced again from the restored checkpoint after a failure.
 */
final class RowBatchWriter<T> implements CommittingSinkWriter<T, RowBatch> {
    private final SqlRowMapper<T> mapper;
    private List<List<Object>> rows = new ArrayList<>();

    RowBatchWriter(SqlRowMapper<T> mapper) {
        this.mapper = mapper;
    }

    @Override
    public void write(T record, Context context) {
        rows.add(mapper.columnValues(record));
    }

    @Override
    public Collection<RowBatch> prepareCommit() {
        if (rows.isEmpty()) {
            return List.of();
        }
        RowBatch batch = new RowBatch(UUID.randomUUID(), rows);
        rows = new ArrayList<>();
        return List.of(batch);
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {}
}
