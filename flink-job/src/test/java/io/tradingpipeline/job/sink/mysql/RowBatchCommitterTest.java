package io.tradingpipeline.job.sink.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBatchCommitterTest {

    @Test
    void connectionLossesLockTimeoutsAndDeadlocksAreRetried() {
        assertThat(RowBatchCommitter.isTransient(new SQLNonTransientConnectionException("gone"))).isTrue();
        assertThat(RowBatchCommitter.isTransient(new SQLTransientConnectionException("timeout"))).isTrue();
        assertThat(RowBatchCommitter.isTransient(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(RowBatchCommitter.isTransient(new SQLException("Lock wait timeout", "HY000", 1205))).isTrue();
        assertThat(RowBatchCommitter.isTransient(new SQLException("Deadlock found", "40001", 1213))).isTrue();
    }

    @Test
    void errorsThatARetryCannotFixFailTheCommit() {
        assertThat(RowBatchCommitter.isTransient(new SQLSyntaxErrorException("no such table", "42S02", 1146)))
                .isFalse();
        assertThat(RowBatchCommitter.isTransient(
                new SQLIntegrityConstraintViolationException("cannot be null", "23000", 1048))).isFalse();
        assertThat(RowBatchCommitter.isTransient(new SQLException("INSERT command denied", "42000", 1142)))
                .isFalse();
    }

    @Test
    void retriesBackOffExponentiallyUpToTwoSeconds() {
        assertThat(List.of(0, 1, 2, 3, 4, 9, 60).stream().map(RowBatchCommitter::retryDelay).toList())
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                        Duration.ofMillis(1600), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void theInsertNamesEveryColumnOfTheTable() {
        assertThat(new MySqlTable("t", List.of("a", "b", "c")).insertStatement())
                .isEqualTo("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
    }
}
