package io.tradingpipeline.job.testsupport;

import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.job.testsupport.GeneratedTicks.TickerTotals;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The valid ticks a test produced, by id, and the sums the stores must hold for them; and the messages that carried
 * them, bad ones included, which the data-quality tables must count.
 */
public interface ExpectedTicks {

    Map<Long, ExpectedTick> ticksById();

    /** Every message sent, valid or not. */
    long messageCount();

    /** The invalid elements of readable arrays. */
    long rejectedTickCount();

    /** The dead-lettered messages per category label; no entry for a category without any. */
    Map<String, Long> deadLettersByCategory();

    /** The totals of {@code message_window_stats} over all windows. */
    default MessageTotals messageTotals() {
        long deadLettered = deadLettersByCategory().values().stream().mapToLong(Long::longValue).sum();
        return new MessageTotals(messageCount(), tickCount(), deadLettered, rejectedTickCount());
    }

    default long tickCount() {
        return ticksById().size();
    }

    default long totalVolume() {
        return ticksById().values().stream().mapToLong(ExpectedTick::volume).sum();
    }

    default Map<String, TickerTotals> totalsByTicker() {
        Map<String, TickerTotals> totals = new HashMap<>();
        for (ExpectedTick tick : ticksById().values()) {
            totals.merge(tick.ticker(), new TickerTotals(0, 0, null, null).add(tick), (sum, one) -> sum.add(tick));
        }
        return totals;
    }

    /** Volume per sector of the ticks created on {@code tradeDate} (UTC). */
    default Map<String, Long> volumeBySectorOn(LocalDate tradeDate) {
        Map<String, Long> volumes = new HashMap<>();
        ticksById().values().stream()
                .filter(tick -> LocalDate.ofInstant(tick.createdAt(), ZoneOffset.UTC).equals(tradeDate))
                .forEach(tick -> volumes.merge(tick.sector(), tick.volume(), Long::sum));
        return volumes;
    }
}
