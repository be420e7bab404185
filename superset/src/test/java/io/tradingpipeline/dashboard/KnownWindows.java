package io.tradingpipeline.dashboard;

import io.tradingpipeline.localstack.MySqlServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Window rows as the Flink job writes them, today's and yesterday's, with values that make every chart's
 * answer distinct: sectors differ in volume, tickers in price scale and move, reasons in count, yesterday's rows
 * are far larger than today's. Today's windows are 20 s long and cross an hour boundary, so a minute bucket holds
 * three windows and a wrong bucket shows; they all ended at least a minute ago.
 */
final class KnownWindows {

    private record Ticker(String symbol, String sector, double basePrice) {
    }

    private static final List<Ticker> TICKERS = List.of(
            new Ticker("DWGL.JK", "Coal", 236),
            new Ticker("AMIN.JK", "Machinery", 1180),
            new Ticker("KRAH.JK", "Machinery", 408),
            new Ticker("BRPT.JK", "Chemicals", 9125));
    private static final List<String> REASONS = List.of("not_json", "not_a_tick_array", "invalid_tick", "oversized",
            "late");
    /** Windows of 20 s from 2 minutes before the newest hour boundary at least 3 minutes ago to 2 minutes after. */
    static final int WINDOW_SECONDS = 20;
    private static final int TODAY_WINDOWS = 12;
    private static final int YESTERDAY_WINDOWS = 2;
    private static final String FIRST_WINDOW_START = "(TIMESTAMP(DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL 3 MINUTE,"
            + " '%Y-%m-%d %H:00:00')) - INTERVAL 2 MINUTE)";

    private KnownWindows() {
    }

    /** Replaces the rows of the window tables with the known ones. */
    static void insert(MySqlServer mysql) throws SQLException {
        try (Connection connection = mysql.connect(mysql.root());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("aggregated_data", "ticker_window_stats", "message_window_stats",
                    "rejection_window_stats")) {
                statement.execute("DELETE FROM trading." + table);
            }
            insertDay(connection, 0, TODAY_WINDOWS, 1);
            insertDay(connection, 1, YESTERDAY_WINDOWS, 1000);
        }
    }

    private static void insertDay(Connection connection, int daysAgo, int windows, int volumeScale) throws SQLException {
        String tickerSql = """
                INSERT INTO trading.ticker_window_stats (window_start, window_end, date, ticker, sector, open_price,
                  high_price, low_price, close_price, total_volume, vwap, tick_count)
                VALUES (%1$s, %1$s + INTERVAL %2$d SECOND, UTC_DATE() - INTERVAL ? DAY, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        String sectorSql = """
                INSERT INTO trading.aggregated_data (processed_at, date, sector, total_volume, tick_count,
                  window_start, window_end)
                VALUES (%1$s + INTERVAL %2$d SECOND, UTC_DATE() - INTERVAL ? DAY, ?, ?, ?, %1$s,
                  %1$s + INTERVAL %2$d SECOND)""";
        String messagesSql = """
                INSERT INTO trading.message_window_stats (window_start, window_end, date, messages_read, ticks_parsed,
                  messages_dead_lettered, ticks_rejected)
                VALUES (%1$s, %1$s + INTERVAL %2$d SECOND, UTC_DATE() - INTERVAL ? DAY, ?, ?, ?, ?)""";
        String rejectionSql = """
                INSERT INTO trading.rejection_window_stats (window_start, window_end, date, reason, messages)
                VALUES (%1$s, %1$s + INTERVAL %2$d SECOND, UTC_DATE() - INTERVAL ? DAY, ?, ?)""";
        for (int window = 0; window < windows; window++) {
            // The trade date is today's (or yesterday's) even when the first windows started before midnight.
            String windowStart = "(" + FIRST_WINDOW_START + " - INTERVAL " + daysAgo + " DAY + INTERVAL "
                    + WINDOW_SECONDS * window + " SECOND)";
            insertRejections(connection, messagesSql.formatted(windowStart, WINDOW_SECONDS),
                    rejectionSql.formatted(windowStart, WINDOW_SECONDS), daysAgo, window, volumeScale);
            Map<String, long[]> sectors = new LinkedHashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    tickerSql.formatted(windowStart, WINDOW_SECONDS))) {
                for (int i = 0; i < TICKERS.size(); i++) {
                    Ticker ticker = TICKERS.get(i);
                    BigDecimal open = price(ticker.basePrice() * (1 + 0.01 * window));
                    BigDecimal close = price(ticker.basePrice() * (1 + 0.01 * window + 0.004 * (i + 1)));
                    BigDecimal high = open.max(close).add(price(ticker.basePrice() * 0.006));
                    BigDecimal low = open.min(close).subtract(price(ticker.basePrice() * 0.003));
                    long volume = (long) volumeScale * 100 * (7 * (i + 1) + 3L * window + 1);
                    long ticks = 3L + i + window;
                    BigDecimal vwap = price((open.doubleValue() + close.doubleValue() + high.doubleValue()) / 3);
                    insert.setInt(1, daysAgo);
                    insert.setString(2, ticker.symbol());
                    insert.setString(3, ticker.sector());
                    insert.setBigDecimal(4, open);
                    insert.setBigDecimal(5, high);
                    insert.setBigDecimal(6, low);
                    insert.setBigDecimal(7, close);
                    insert.setLong(8, volume);
                    insert.setBigDecimal(9, vwap);
                    insert.setLong(10, ticks);
                    insert.addBatch();
                    long[] sums = sectors.computeIfAbsent(ticker.sector(), key -> new long[2]);
                    sums[0] += volume;
                    sums[1] += ticks;
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    sectorSql.formatted(windowStart, WINDOW_SECONDS))) {
                for (Map.Entry<String, long[]> sector : sectors.entrySet()) {
                    insert.setInt(1, daysAgo);
                    insert.setString(2, sector.getKey());
                    insert.setLong(3, sector.getValue()[0]);
                    insert.setLong(4, sector.getValue()[1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * Reason {@code j} dead-letters {@code j + 1} messages in every other window (its total today differs from every
     * other reason's); the window's messages and ticks count them.
     */
    private static void insertRejections(Connection connection, String messagesSql, String rejectionSql, int daysAgo,
                                         int window, int scale) throws SQLException {
        long deadLettered = 0;
        try (PreparedStatement insert = connection.prepareStatement(rejectionSql)) {
            for (int j = 0; j < REASONS.size(); j++) {
                if ((window + j) % 2 == 0) {
                    insert.setInt(1, daysAgo);
                    insert.setString(2, REASONS.get(j));
                    insert.setLong(3, (long) scale * (j + 1));
                    insert.addBatch();
                    deadLettered += (long) scale * (j + 1);
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(messagesSql)) {
            long read = (long) scale * (40 + 7L * window);
            insert.setInt(1, daysAgo);
            insert.setLong(2, read);
            insert.setLong(3, (read - deadLettered) * 3);
            insert.setLong(4, deadLettered);
            insert.setLong(5, deadLettered * 2);
            insert.executeUpdate();
        }
    }

    private static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
    }

    /** Runs {@code sql} as the read-only dashboard user; each row maps its column labels to their values. */
    static List<Map<String, Object>> query(MySqlServer mysql, String sql) throws SQLException {
        try (Connection connection = mysql.connect(mysql.dashboard());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.put(columns.getColumnLabel(column), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        }
    }
}
