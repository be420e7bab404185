package io.tradingpipeline.job.sink.mysql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each {@link RowBatch} of a completed checkpoint in one MySQL transaction that also records the batch's
 * id in {@code committed_batches}. A batch that is committed again, because the job restored a checkpoint whose
 * batches were already committed, finds its id there and changes nothing; a batch of a checkpoint that never
 * completed never reaches this class. So every row is written once, whatever fails when.
 */
final class RowBatchCommitter implements Committer<RowBatch> {
    static final String COMMITTED_BATCHES = "committed_batches";
    private static final String RECORD_BATCH = "INSERT IGNORE INTO " + COMMITTED_BATCHES
            + " (batch_id, target_table, row_count, committed_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))";
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(RowBatchCommitter.class);

    private final MySqlConnector connector;
    private final MySqlTable table;
    private final String insert;
    private Connection connection;

    RowBatchCommitter(MySqlConnector connector, MySqlTable table) {
        this.connector = connector;
        this.table = table;
        this.insert = table.insertStatement();
    }

    @Override
    public void commit(Collection<CommitRequest<RowBatch>> requests) throws InterruptedException {
        for (CommitRequest<RowBatch> request : requests) {
            RowBatch batch = request.getCommittable();
            try {
                if (!commitOnce(batch)) {
                    LOG.info("{} of {} was committed before; skipped", batch, table.name());
                    request.signalAlreadyCommitted();
                }
            } catch (SQLException e) {
                closeConnection();
                if (isTransient(e)) {
                    LOG.warn("Committing {} to {} failed (retry {}): {}", batch, table.name(),
                            request.getNumberOfRetries() + 1, e.toString());
                    Thread.sleep(retryDelay(request.getNumberOfRetries()).toMillis());
                    request.retryLater();
                } else {
                    request.signalFailedWithUnknownReason(new IOException("Cannot commit " + batch + " to "
                            + table.name() + " at " + connector.url() + ": " + e.getMessage(), e));
                }
            }
        }
    }

    /** Returns false if the batch was committed before. */
    private boolean commitOnce(RowBatch batch) throws SQLException {
        Connection connection = connection();
        try {
            try (PreparedStatement record = connection.prepareStatement(RECORD_BATCH)) {
                record.setBytes(1, uuidBytes(batch));
                record.setString(2, table.name());
                record.setInt(3, batch.rows().size());
                if (record.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
            }
            try (PreparedStatement rows = connection.prepareStatement(insert)) {
                for (List<Object> row : batch.rows()) {
                    for (int column = 0; column < row.size(); column++) {
                        rows.setObject(column + 1, row.get(column));
                    }
                    rows.addBatch();
                }
                rows.executeBatch();
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connector.open();
        }
        return connection;
    }

    /** Connection losses, lock timeouts and deadlocks pass; the batch's id makes the retry safe. */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08") || state.startsWith("40")
                || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }

    static Duration retryDelay(int retriesSoFar) {
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(retriesSoFar, 10));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    private static byte[] uuidBytes(RowBatch batch) {
        return ByteBuffer.allocate(16)
                .putLong(batch.id().getMostSignificantBits())
                .putLong(batch.id().getLeastSignificantBits())
                .array();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing a failed connection to {}", connector.url(), e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
