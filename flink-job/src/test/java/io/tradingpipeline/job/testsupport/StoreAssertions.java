package io.tradingpipeline.job.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.testsupport.GeneratedTicks.TickerTotals;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits for the pipeline's output and checks that every store holds exactly the produced ticks, and the
 * data-quality tables exactly the produced messages.
 */
public final class StoreAssertions {
    private StoreAssertions() {}

    /** Waits until both stores hold all ticks, then a few more windows and checkpoints for stragglers. */
    public static void awaitAllTicks(PipelineStores stores, ExpectedTicks ticks, Duration timeout)
            throws InterruptedException {
        Await.until("all ticks in Cassandra and MySQL", timeout,
                () -> stores.cassandraRowCount() >= ticks.tickCount()
                        && stores.aggregatedTickCount() >= ticks.tickCount()
                        && stores.tickerStatsTickCount() >= ticks.tickCount()
                        && stores.messageTotals().messagesRead() >= ticks.messageCount(),
                () -> "(expected " + ticks.tickCount() + " ticks in " + ticks.messageCount() + " messages; Cassandra "
                        + stores.cassandraRowCount() + ", aggregated_data " + stores.aggregatedTickCount()
                        + ", ticker_window_stats " + stores.tickerStatsTickCount() + ", message_window_stats "
                        + stores.messageTotals() + ")");
        Thread.sleep(PipelineTestRun.WINDOW.plus(PipelineTestRun.CHECKPOINT_INTERVAL.multipliedBy(4)).toMillis());
    }

    /** Nothing lost, nothing duplicated, values unchanged. */
    public static void assertStoresHoldExactly(PipelineStores stores, ExpectedTicks ticks) {
        assertThat(stores.cassandraRowCount()).isEqualTo(ticks.tickCount());
        assertThat(stores.cassandraRows()).isEqualTo(ticks.ticksById());

        assertThat(stores.aggregatedTickCount()).isEqualTo(ticks.tickCount());
        assertThat(stores.aggregatedVolume()).isEqualTo(ticks.totalVolume());
        assertThat(stores.inconsistentWindowRows()).isZero();

        Map<String, TickerTotals> expectedByTicker = ticks.totalsByTicker().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new TickerTotals(e.getValue().volume(),
                        e.getValue().ticks(), e.getValue().low().stripTrailingZeros(),
                        e.getValue().high().stripTrailingZeros())));
        assertThat(stores.tickerTotals()).isEqualTo(expectedByTicker);

        assertVolumeToday(stores, ticks);
        assertDataQuality(stores, ticks);
    }

    /** Every message counted once as read, every dead letter once in its category; in either window time. */
    public static void assertDataQuality(PipelineStores stores, ExpectedTicks ticks) {
        assertThat(stores.messageTotals()).as("message_window_stats totals").isEqualTo(ticks.messageTotals());
        assertThat(stores.deadLettersByCategory()).as("rejection_window_stats per reason")
                .isEqualTo(ticks.deadLettersByCategory());
        assertThat(stores.inconsistentMessageWindowRows()).as("inconsistent data-quality rows").isZero();
    }

    /** The dashboard's {@code volume_today} view holds the volume of the ticks of MySQL's current date. */
    private static void assertVolumeToday(PipelineStores stores, ExpectedTicks ticks) {
        LocalDate today = stores.mysqlCurrentDate();
        Map<String, Long> volumeToday = stores.volumeToday();
        assertThat(stores.mysqlCurrentDate()).as("MySQL's date changed during the check of volume_today")
                .isEqualTo(today);
        assertThat(volumeToday).as("volume_today on %s", today).isEqualTo(ticks.volumeBySectorOn(today));
    }
}
