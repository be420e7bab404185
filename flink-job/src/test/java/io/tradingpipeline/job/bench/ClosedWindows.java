package io.tradingpipeline.job.bench;

import io.tradingpipeline.job.testsupport.ExpectedTicks;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.PipelineStores.WindowTotals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event-time windows of a step that its own ticks close: from the window of its first tick up to the last
 * window whose end the watermark has reached. The watermark is the oldest of the partitions' newest
 * {@code created_at}, less the out-of-orderness: the producer fills one partition at a time, so at a low rate a
 * partition's event time trails the others by seconds. Later windows stay open until newer ticks arrive (or the
 * other partitions go idle), so the benchmark checks these only, window by window: {@code aggregated_data} and
 * {@code ticker_window_stats} must hold exactly the step's ticks of each.
 */
record ClosedWindows(Instant start, Instant end, Duration size, Map<LocalDateTime, WindowTotals> expected) {

    /**
     * @param watermark where the step's ticks moved the job's event time: a window ending at or before it has
     *                  fired (Flink's watermark is this less 1 ms, and a window fires at its end less 1 ms)
     */
    static ClosedWindows of(ExpectedTicks produced, Instant watermark, Duration size) {
        Instant first = produced.ticksById().values().stream().map(ExpectedTick::createdAt).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("the step sent no ticks"));
        Instant start = floor(first, size);
        Instant end = floor(watermark, size);
        Map<LocalDateTime, long[]> sums = new TreeMap<>();
        for (ExpectedTick tick : produced.ticksById().values()) {
            Instant window = floor(tick.createdAt(), size);
            if (!window.isBefore(start) && window.isBefore(end)) {
                long[] sum = sums.computeIfAbsent(LocalDateTime.ofInstant(window, ZoneOffset.UTC), w -> new long[2]);
                sum[0]++;
                sum[1] += tick.volume();
            }
        }
        Map<LocalDateTime, WindowTotals> expected = new TreeMap<>();
        sums.forEach((window, sum) -> expected.put(window, new WindowTotals(sum[0], sum[1], sum[0])));
        return new ClosedWindows(start, end, size, expected);
    }

    /** The watermark of ticks read from every partition: the oldest partition's newest tick less the bound. */
    static Instant watermark(Map<Integer, Instant> newestByPartition, Duration maxOutOfOrderness) {
        return newestByPartition.values().stream().min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("the step sent no ticks")).minus(maxOutOfOrderness);
    }

    /** How long to wait for the next window to begin, so that a step shares no window with the one before. */
    static Duration untilNextWindow(Instant now, Duration size) {
        return Duration.between(now, floor(now, size).plus(size)).plusMillis(100);
    }

    private static Instant floor(Instant time, Duration size) {
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size.toMillis()) * size.toMillis());
    }

    long expectedTicks() {
        return expected.values().stream().mapToLong(WindowTotals::ticks).sum();
    }

    Map<LocalDateTime, WindowTotals> actual(PipelineStores stores) {
        return stores.windowTotals(LocalDateTime.ofInstant(start, ZoneOffset.UTC),
                LocalDateTime.ofInstant(end, ZoneOffset.UTC));
    }

    /** The ticks both window tables hold for these windows (the smaller of the two sums). */
    long actualTicks(PipelineStores stores) {
        return actual(stores).values().stream().mapToLong(totals -> Math.min(totals.ticks(), totals.tickerTicks()))
                .sum();
    }

    /** Whether a window ending at {@code windowEnd} is one of these. */
    boolean contains(Instant windowEnd) {
        return windowEnd.isAfter(start) && !windowEnd.isAfter(end);
    }

    /** What differs from the expected totals, window by window, or an empty list. */
    List<String> mismatches(PipelineStores stores) {
        Map<LocalDateTime, WindowTotals> actual = actual(stores);
        List<String> mismatches = new ArrayList<>();
        if (!actual.equals(expected)) {
            expected.forEach((window, totals) -> {
                if (!totals.equals(actual.get(window))) {
                    mismatches.add("window " + window + ": MySQL " + actual.get(window) + ", sent " + totals);
                }
            });
            actual.keySet().stream().filter(window -> !expected.containsKey(window))
                    .forEach(window -> mismatches.add("window " + window + " in MySQL, no tick sent for it"));
        }
        return mismatches;
    }
}
