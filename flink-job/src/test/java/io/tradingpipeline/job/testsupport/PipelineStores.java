package io.tradingpipeline.job.testsupport;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.job.testsupport.GeneratedTicks.TickerTotals;
import io.tradingpipeline.localstack.LocalStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads (and empties) the job's stores directly, as root, over real connections. */
public final class PipelineStores implements AutoCloseable {
    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration CASSANDRA_RETRY_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger LOG = LoggerFactory.getLogger(PipelineStores.class);

    private final LocalStack stack;
    private final CqlSession cassandra;

    public PipelineStores(LocalStack stack) {
        this.stack = stack;
        this.cassandra = stack.cassandra().newSession();
    }

    public void truncateAll() {
        cql("TRUNCATE " + stack.cassandra().keyspace() + ".real_time_data");
        update("TRUNCATE TABLE aggregated_data");
        update("TRUNCATE TABLE ticker_window_stats");
        update("TRUNCATE TABLE message_window_stats");
        update("TRUNCATE TABLE rejection_window_stats");
    }

    public long cassandraRowCount() {
        return cql("SELECT COUNT(*) FROM " + stack.cassandra().keyspace() + ".real_time_data").get(0).getLong(0);
    }

    public Map<Long, ExpectedTick> cassandraRows() {
        Map<Long, ExpectedTick> rows = new HashMap<>();
        for (Row row : cql("SELECT id, created_at, ticker, sector, volume, market_cap, price FROM "
                + stack.cassandra().keyspace() + ".real_time_data")) {
            ExpectedTick tick = new ExpectedTick(row.getLong("id"), row.getInstant("created_at"),
                    row.getString("ticker"), row.getString("sector"), row.getLong("volume"),
                    row.getLong("market_cap"), row.getBigDecimal("price"));
            rows.put(tick.id(), tick);
        }
        return rows;
    }

    /** Every row's id and the time it was written (WRITETIME of its columns, microseconds since the epoch). */
    public Map<Long, Long> cassandraWriteTimes() {
        Map<Long, Long> writeTimes = new HashMap<>();
        for (Row row : cql("SELECT id, WRITETIME(ticker) FROM " + stack.cassandra().keyspace()
                + ".real_time_data")) {
            writeTimes.put(row.getLong(0), row.getLong(1));
        }
        return writeTimes;
    }

    /** SUM(tick_count) of aggregated_data. */
    public long aggregatedTickCount() {
        return queryLong("SELECT COALESCE(SUM(tick_count), 0) FROM aggregated_data");
    }

    public long aggregatedVolume() {
        return queryLong("SELECT COALESCE(SUM(total_volume), 0) FROM aggregated_data");
    }

    /** SUM(tick_count) of ticker_window_stats. */
    public long tickerStatsTickCount() {
        return queryLong("SELECT COALESCE(SUM(tick_count), 0) FROM ticker_window_stats");
    }

    /**
     * Per window starting in {@code [from, to)} and ending by {@code to}: SUM(tick_count) and SUM(total_volume) of
     * aggregated_data and SUM(tick_count) of ticker_window_stats, by the window's start (UTC, as the tables hold it).
     */
    public Map<LocalDateTime, WindowTotals> windowTotals(LocalDateTime from, LocalDateTime to) {
        String range = "window_start >= '" + SQL_DATETIME.format(from) + "' AND window_end <= '"
                + SQL_DATETIME.format(to) + "'";
        return query("SELECT CAST(a.window_start AS CHAR), a.ticks, a.volume, COALESCE(t.ticks, 0) FROM "
                + "(SELECT window_start, SUM(tick_count) AS ticks, SUM(total_volume) AS volume FROM aggregated_data "
                + "WHERE " + range + " GROUP BY window_start) a LEFT JOIN "
                + "(SELECT window_start, SUM(tick_count) AS ticks FROM ticker_window_stats WHERE " + range
                + " GROUP BY window_start) t ON t.window_start = a.window_start", rs -> {
                    Map<LocalDateTime, WindowTotals> totals = new TreeMap<>();
                    while (rs.next()) {
                        totals.put(Timestamp.valueOf(rs.getString(1)).toLocalDateTime(),
                                new WindowTotals(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                    return totals;
                });
    }

    /** One window's sums in both window tables. */
    public record WindowTotals(long ticks, long volume, long tickerTicks) {}

    public Map<String, TickerTotals> tickerTotals() {
        return query("SELECT ticker, SUM(total_volume), SUM(tick_count), MIN(low_price), MAX(high_price) "
                + "FROM ticker_window_stats GROUP BY ticker", rs -> {
                    Map<String, TickerTotals> totals = new HashMap<>();
                    while (rs.next()) {
                        totals.put(rs.getString(1), new TickerTotals(rs.getLong(2), rs.getLong(3),
                                rs.getBigDecimal(4).stripTrailingZeros(), rs.getBigDecimal(5).stripTrailingZeros()));
                    }
                    return totals;
                });
    }

    /** Sums of message_window_stats. */
    public MessageTotals messageTotals() {
        return query("SELECT COALESCE(SUM(messages_read), 0), COALESCE(SUM(ticks_parsed), 0), "
                + "COALESCE(SUM(messages_dead_lettered), 0), COALESCE(SUM(ticks_rejected), 0) "
                + "FROM message_window_stats", rs -> {
                    rs.next();
                    return new MessageTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                });
    }

    /** Dead-lettered messages per reason category, from rejection_window_stats. */
    public Map<String, Long> deadLettersByCategory() {
        return query("SELECT reason, SUM(messages) FROM rejection_window_stats GROUP BY reason", rs -> {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        });
    }

    /**
     * Data-quality rows that contradict each other: more than one row per window, a window whose rejection rows do
     * not add up to its dead-lettered messages, a rejection row of nothing, a date that is not the window's start.
     */
    public long inconsistentMessageWindowRows() {
        return queryLong("SELECT (SELECT COUNT(*) - COUNT(DISTINCT window_start) FROM message_window_stats)"
                + " + (SELECT COUNT(*) FROM message_window_stats m WHERE m.messages_dead_lettered <> "
                + "(SELECT COALESCE(SUM(r.messages), 0) FROM rejection_window_stats r "
                + "WHERE r.window_start = m.window_start)"
                + " OR m.messages_dead_lettered > m.messages_read OR m.date <> DATE(m.window_start)"
                + " OR m.window_end <= m.window_start)"
                + " + (SELECT COUNT(*) FROM rejection_window_stats WHERE messages <= 0"
                + " OR date <> DATE(window_start))");
    }

    /** The dashboard's view: today's volume per sector. */
    public Map<String, Long> volumeToday() {
        return query("SELECT sector, total_volume FROM volume_today", rs -> {
            Map<String, Long> volumes = new HashMap<>();
            while (rs.next()) {
                volumes.put(rs.getString(1), rs.getLong(2));
            }
            return volumes;
        });
    }

    /**
     * Every row of both window tables, every column but the surrogate id, as text, sorted: what two runs over the
     * same ticks must agree on.
     */
    public List<String> windowRows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(rows("SELECT 'aggregated_data', processed_at, date, sector, total_volume, tick_count, "
                + "window_start, window_end FROM aggregated_data"));
        rows.addAll(rows("SELECT 'ticker_window_stats', window_start, window_end, date, ticker, sector, open_price, "
                + "high_price, low_price, close_price, total_volume, vwap, tick_count FROM ticker_window_stats"));
        rows.sort(null);
        return rows;
    }

    private List<String> rows(String sql) {
        return query(sql, rs -> {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(column == 1 ? "" : " | ").append(rs.getString(column));
                }
                rows.add(row.toString());
            }
            return rows;
        });
    }

    /** Rows whose window bounds or processed_at are inconsistent. */
    public long inconsistentWindowRows() {
        return queryLong("SELECT COUNT(*) FROM aggregated_data "
                + "WHERE processed_at <> window_end OR window_end <= window_start");
    }

    public LocalDate mysqlCurrentDate() {
        return query("SELECT CAST(CURDATE() AS CHAR)", rs -> {
            rs.next();
            return LocalDate.parse(rs.getString(1));
        });
    }

    /** Prepared XA transactions (XA RECOVER as root). */
    public List<String> preparedXaTransactions() {
        return query("XA RECOVER", rs -> {
            List<String> xids = new ArrayList<>();
            while (rs.next()) {
                xids.add(rs.getString("data"));
            }
            return xids;
        });
    }

    @Override
    public void close() {
        cassandra.close();
    }

    /**
     * All rows of {@code cql}. Right after Cassandra restarted (the fault tests kill it) a query may find no
     * connection yet or fail on the server; it is tried again for up to {@link #CASSANDRA_RETRY_TIMEOUT}.
     */
    private List<Row> cql(String cql) {
        long deadline = System.nanoTime() + CASSANDRA_RETRY_TIMEOUT.toNanos();
        while (true) {
            try {
                return cassandra.execute(cql).all();
            } catch (AllNodesFailedException | QueryExecutionException | DriverTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("Cassandra query failed, trying again: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private long queryLong(String sql) {
        return query(sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    private <T> T query(String sql, ResultReader<T> reader) {
        try (Connection connection = stack.mysql().connect(stack.mysql().root());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql) {
        try (Connection connection = stack.mysql().connect(stack.mysql().root());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
