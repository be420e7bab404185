package io.tradingpipeline.job.testsupport;

import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.job.testsupport.GeneratedTicks.TickerTotals;
import java.util.HashMap;
import java.util.Map;

/** The valid ticks a test produced, by id, and the sums the stores must hold for them. */
public interface ExpectedTicks {

    Map<Long, ExpectedTick> ticksById();

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

    default Map<String, Long> volumeBySector() {
        Map<String, Long> volumes = new HashMap<>();
        ticksById().values().forEach(tick -> volumes.merge(tick.sector(), tick.volume(), Long::sum));
        return volumes;
    }
}
