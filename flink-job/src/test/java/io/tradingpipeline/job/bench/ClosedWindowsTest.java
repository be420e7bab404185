package io.tradingpipeline.job.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingpipeline.job.testsupport.ExpectedTicks;
import io.tradingpipeline.job.testsupport.GeneratedTicks.ExpectedTick;
import io.tradingpipeline.job.testsupport.PipelineStores.WindowTotals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClosedWindowsTest {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    @Test
    void windowsFromTheFirstTickToTheLastOneTheWatermarkReached() {
        // Watermark 12:00:37: the windows 12:00:00, 12:00:10 and 12:00:20 are closed and 12:00:30 is open.
        ClosedWindows closed = ClosedWindows.of(ticks("12:00:03", "12:00:09", "12:00:15", "12:00:29", "12:00:30",
                "12:00:37"), Instant.parse("2026-12-02T12:00:37Z"), WINDOW);

        assertEquals(Instant.parse("2026-12-02T12:00:00Z"), closed.start());
        assertEquals(Instant.parse("2026-12-02T12:00:30Z"), closed.end());
        assertEquals(Map.of(
                LocalDateTime.parse("2026-12-02T12:00:00"), new WindowTotals(2, 3, 2),
                LocalDateTime.parse("2026-12-02T12:00:10"), new WindowTotals(1, 3, 1),
                LocalDateTime.parse("2026-12-02T12:00:20"), new WindowTotals(1, 4, 1)), closed.expected());
        assertEquals(4, closed.expectedTicks());
    }

    @Test
    void aWindowEndingAtTheWatermarkIsClosed() {
        ClosedWindows closed = ClosedWindows.of(ticks("12:00:04", "12:00:26"), Instant.parse("2026-12-02T12:00:20Z"),
                WINDOW);

        assertEquals(Instant.parse("2026-12-02T12:00:20Z"), closed.end());
        assertEquals(true, closed.contains(Instant.parse("2026-12-02T12:00:10Z")));
        assertEquals(true, closed.contains(Instant.parse("2026-12-02T12:00:20Z")));
        assertEquals(false, closed.contains(Instant.parse("2026-12-02T12:00:00Z")));
        assertEquals(false, closed.contains(Instant.parse("2026-12-02T12:00:30Z")));
    }

    @Test
    void theWatermarkIsTheOldestPartitionsNewestTickLessTheBound() {
        assertEquals(Instant.parse("2026-12-02T12:00:27Z"), ClosedWindows.watermark(Map.of(
                0, Instant.parse("2026-12-02T12:00:35Z"),
                1, Instant.parse("2026-12-02T12:00:32Z"),
                2, Instant.parse("2026-12-02T12:00:36Z")), OUT_OF_ORDERNESS));
    }

    @Test
    void aStepStartsAfterTheNextWindowBegins() {
        assertEquals(Duration.ofMillis(6_100),
                ClosedWindows.untilNextWindow(Instant.parse("2026-12-02T12:00:24Z"), WINDOW));
        assertEquals(Duration.ofMillis(10_100),
                ClosedWindows.untilNextWindow(Instant.parse("2026-12-02T12:00:30Z"), WINDOW));
    }

    /** One tick per time, of 2026-12-02; the n-th tick has volume n. */
    private static ExpectedTicks ticks(String... times) {
        Map<Long, ExpectedTick> ticks = new LinkedHashMap<>();
        for (int i = 0; i < times.length; i++) {
            ticks.put((long) i + 1, new ExpectedTick(i + 1, Instant.parse("2026-12-02T" + times[i] + "Z"), "AAPL",
                    "Technology", i + 1, 1, BigDecimal.ONE));
        }
        return new ExpectedTicks() {
            @Override
            public Map<Long, ExpectedTick> ticksById() {
                return ticks;
            }

            @Override
            public long messageCount() {
                return ticks.size();
            }

            @Override
            public long rejectedTickCount() {
                return 0;
            }

            @Override
            public Map<String, Long> deadLettersByCategory() {
                return Map.of();
            }
        };
    }
}
