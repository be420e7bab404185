package io.tradingpipeline.job.sink.mysql;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Appends records to a MySQL table exactly once: the rows between two checkpoint barriers become one
 * {@link RowBatch}, kept in the checkpoint, and are inserted when that checkpoint completes, in one transaction
 * with the batch's id (see {@link RowBatchCommitter}). Rows are visible a checkpoint after they were produced.
 *
 * <p>No transaction stays open between checkpoints, so nothing holds locks, nothing is left prepared after a
 * crash, and the job may be restored at any parallelism: Flink redistributes the pending batches, the writers have
 * no state.
 */
public final class ExactlyOnceMySqlSink<T> implements Sink<T>, SupportsCommitter<RowBatch> {
    private final MySqlConnector connector;
    private final MySqlTable table;
    private final SqlRowMapper<T> mapper;

    public ExactlyOnceMySqlSink(MySqlConnector connector, MySqlTable table, SqlRowMapper<T> mapper) {
        this.connector = connector;
        this.table = table;
        this.mapper = mapper;
    }

    @Override
    public CommittingSinkWriter<T, RowBatch> createWriter(WriterInitContext context) {
        return new RowBatchWriter<>(mapper);
    }

    /** Flink 1.20 still declares the deprecated variant abstract; it is never called. */
    @Deprecated
    public CommittingSinkWriter<T, RowBatch> createWriter(InitContext context) {
        return new RowBatchWriter<>(mapper);
    }

    @Override
    public Committer<RowBatch> createCommitter(CommitterInitContext context) {
        return new RowBatchCommitter(connector, table);
    }

    @Override
    public SimpleVersionedSerializer<RowBatch> getCommittableSerializer() {
        return new RowBatchSerializer();
    }
}
