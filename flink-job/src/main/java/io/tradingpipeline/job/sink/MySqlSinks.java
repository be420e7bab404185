package io.tradingpipeline.job.sink;

import io.tradingpipeline.job.config.JobConfig;
import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.RejectionWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.sink.mysql.ExactlyOnceMySqlSink;
import io.tradingpipeline.job.sink.mysql.MySqlConnector;
import io.tradingpipeline.job.sink.mysql.MySqlTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Exactly-once sinks of the window aggregates (see {@link ExactlyOnceMySqlSink}). Rows become visible when the
 * checkpoint after their window completes.
 */
public final class MySqlSinks {
    static final MySqlTable AGGREGATED_DATA = new MySqlTable("aggregated_data", List.of(
            "processed_at", "date", "sector", "total_volume", "tick_count", "window_start", "window_end"));
    static final MySqlTable TICKER_WINDOW_STATS = new MySqlTable("ticker_window_stats", List.of(
            "window_start", "window_end", "date", "ticker", "sector", "open_price", "high_price", "low_price",
            "close_price", "total_volume", "vwap", "tick_count"));
    static final MySqlTable MESSAGE_WINDOW_STATS = new MySqlTable("message_window_stats", List.of(
            "window_start", "window_end", "date", "messages_read", "ticks_parsed", "messages_dead_lettered",
            "ticks_rejected"));
    static final MySqlTable REJECTION_WINDOW_STATS = new MySqlTable("rejection_window_stats", List.of(
            "window_start", "window_end", "date", "reason", "messages"));

    private MySqlSinks() {}

    public static ExactlyOnceMySqlSink<SectorVolume> aggregatedData(JobConfig config) {
        return new ExactlyOnceMySqlSink<>(connector(config), AGGREGATED_DATA, row -> values(
                utc(row.windowEndMillis()), LocalDate.ofEpochDay(row.tradeEpochDay()), row.sector(),
                row.totalVolume(), row.tickCount(), utc(row.windowStartMillis()), utc(row.windowEndMillis())));
    }

    public static ExactlyOnceMySqlSink<TickerWindowStats> tickerWindowStats(JobConfig config) {
        return new ExactlyOnceMySqlSink<>(connector(config), TICKER_WINDOW_STATS, row -> values(
                utc(row.windowStartMillis()), utc(row.windowEndMillis()), LocalDate.ofEpochDay(row.tradeEpochDay()),
                row.ticker(), row.sector(), row.openPrice(), row.highPrice(), row.lowPrice(), row.closePrice(),
                row.totalVolume(), row.vwap(), row.tickCount()));
    }

    public static ExactlyOnceMySqlSink<MessageWindowStats> messageWindowStats(JobConfig config) {
        return new ExactlyOnceMySqlSink<>(connector(config), MESSAGE_WINDOW_STATS, row -> values(
                utc(row.windowStartMillis()), utc(row.windowEndMillis()), LocalDate.ofEpochDay(row.epochDay()),
                row.messagesRead(), row.ticksParsed(), row.messagesDeadLettered(), row.ticksRejected()));
    }

    public static ExactlyOnceMySqlSink<RejectionWindowStats> rejectionWindowStats(JobConfig config) {
        return new ExactlyOnceMySqlSink<>(connector(config), REJECTION_WINDOW_STATS, row -> values(
                utc(row.windowStartMillis()), utc(row.windowEndMillis()), LocalDate.ofEpochDay(row.epochDay()),
                row.category().label(), row.messages()));
    }

    private static MySqlConnector connector(JobConfig config) {
        return new MySqlConnector(config.mysqlUrl(), config.mysqlUser(), config.mysqlPassword());
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    /** DATETIME columns hold UTC wall-clock time. */
    private static LocalDateTime utc(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
