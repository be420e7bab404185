package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.TickerWindowStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.JdbcExactlyOnceOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * Exactly-once (XA, two-phase commit on checkpoints) sinks of the window aggregates. Rows become
 * visible when the checkpoint after their window completes.
 */
public final class MySqlSinks {
    static final String INSERT_AGGREGATED_DATA = "INSERT INTO aggregated_data "
            + "(processed_at, date, sector, total_volume, tick_count, window_start, window_end) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_TICKER_WINDOW_STATS = "INSERT INTO ticker_window_stats "
            + "(window_start, window_end, date, ticker, sector, open_price, high_price, low_price, close_price, "
            + "total_volume, vwap, tick_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** XA id scopes of the two sinks; must stay unique and stable across job versions. */
    static final int AGGREGATED_DATA_SCOPE = 1;
    static final int TICKER_WINDOW_STATS_SCOPE = 2;

    private MySqlSinks() {}

    public static JdbcSink<SectorVolume> aggregatedData(JobConfig config) {
        return exactlyOnce(xaDataSource(config, AGGREGATED_DATA_SCOPE), INSERT_AGGREGATED_DATA, (statement, row) -> {
            statement.setObject(1, utc(row.windowEndMillis()));
            statement.setObject(2, LocalDate.ofEpochDay(row.tradeEpochDay()));
            statement.setString(3, row.sector());
            statement.setLong(4, row.totalVolume());
            statement.setLong(5, row.tickCount());
            statement.setObject(6, utc(row.windowStartMillis()));
            statement.setObject(7, utc(row.windowEndMillis()));
        });
    }

    public static JdbcSink<TickerWindowStats> tickerWindowStats(JobConfig config) {
        return exactlyOnce(xaDataSource(config, TICKER_WINDOW_STATS_SCOPE), INSERT_TICKER_WINDOW_STATS, (statement, row) -> {
            statement.setObject(1, utc(row.windowStartMillis()));
            statement.setObject(2, utc(row.windowEndMillis()));
            statement.setObject(3, LocalDate.ofEpochDay(row.tradeEpochDay()));
            statement.setString(4, row.ticker());
            statement.setString(5, row.sector());
            statement.setBigDecimal(6, row.openPrice());
            statement.setBigDecimal(7, row.highPrice());
            statement.setBigDecimal(8, row.lowPrice());
            statement.setBigDecimal(9, row.closePrice());
            statement.setLong(10, row.totalVolume());
            statement.setBigDecimal(11, row.vwap());
            statement.setLong(12, row.tickCount());
        });
    }

    private static <T> JdbcSink<T> exactlyOnce(MySqlXaDataSource dataSource, String sql,
            JdbcStatementBuilder<T> statementBuilder) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, statementBuilder)
                // XA sinks must not retry inside a transaction; a failure restarts from the checkpoint.
                .withExecutionOptions(JdbcExecutionOptions.builder().withMaxRetries(0).build())
                .buildExactlyOnce(
                        // MySQL and MariaDB cannot resume an XA transaction on another connection.
                        JdbcExactlyOnceOptions.builder().withTransactionPerConnection(true).build(),
                        dataSource);
    }

    private static MySqlXaDataSource xaDataSource(JobConfig config, int sinkScope) {
        return new MySqlXaDataSource(config.mysqlUrl(), config.mysqlUser(), config.mysqlPassword(), sinkScope);
    }

    /** DATETIME columns hold UTC wall-clock time. */
    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
