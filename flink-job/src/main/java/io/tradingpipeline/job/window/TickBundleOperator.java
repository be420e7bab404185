package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Pre-aggregates ticks into one candle per (date, ticker, sector) over short bundles, before the
 * shuffle to the windows: a bundle of thousands of ticks crosses the network as a few candles.
 *
 * <p>A bundle is emitted when it holds {@code maxTicks} ticks, {@code maxDelay} after its first tick,
 * before every checkpoint barrier and at the end of input, so it needs no state: what a checkpoint
 * covers has been handed downstream. A tick thus reaches its processing-time window at most
 * {@code maxDelay} later than without bundling.
 *
 * <p>With event-time windows ({@code eventTimeWindow} not null) a bundle never mixes two windows: each candle is
 * of one window, stamped with its start, and is emitted before a watermark that closes its window passes on, so
 * it reaches that window before it fires.
 */
public class TickBundleOperator extends BundlingOperator<Tick, TickerCandle> {

    /** {@code windowStart} is 0 for processing time. */
    private record BundleKey(long windowStart, int tradeEpochDay, String ticker, String sector) {}

    private final int maxTicks;
    /** 0 for processing time. */
    private final long eventTimeWindowMillis;
    private transient Map<BundleKey, TickerCandle> bundle;
    private transient StreamRecord<TickerCandle> reusableRecord;
    private transient int bundledTicks;

    public TickBundleOperator(Duration maxDelay, int maxTicks) {
        this(maxDelay, maxTicks, null);
    }

    public TickBundleOperator(Duration maxDelay, int maxTicks, Duration eventTimeWindow) {
        super(maxDelay);
        this.maxTicks = maxTicks;
        this.eventTimeWindowMillis = eventTimeWindow == null ? 0 : eventTimeWindow.toMillis();
    }

    @Override
    public void open() throws Exception {
        super.open();
        bundle = new HashMap<>();
        reusableRecord = new StreamRecord<>(null);
    }

    @Override
    public void processElement(StreamRecord<Tick> element) {
        Tick tick = element.getValue();
        long windowStart = eventTimeWindowMillis == 0 ? 0
                : TimeWindow.getWindowStartWithOffset(tick.createdAtMillis(), 0, eventTimeWindowMillis);
        bundle.computeIfAbsent(new BundleKey(windowStart, tick.tradeEpochDay(), tick.ticker(), tick.sector()),
                key -> new TickerCandle()).add(tick);
        if (++bundledTicks >= maxTicks) {
            flush();
        } else {
            scheduleFlush();
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (eventTimeWindowMillis > 0) {
            Iterator<Map.Entry<BundleKey, TickerCandle>> candles = bundle.entrySet().iterator();
            while (candles.hasNext()) {
                Map.Entry<BundleKey, TickerCandle> candle = candles.next();
                if (candle.getKey().windowStart() + eventTimeWindowMillis - 1 <= mark.getTimestamp()) {
                    emit(candle.getKey(), candle.getValue());
                    bundledTicks -= (int) candle.getValue().getTickCount();
                    candles.remove();
                }
            }
        }
        super.processWatermark(mark);
    }

    @Override
    void flush() {
        bundle.forEach(this::emit);
        bundle.clear();
        bundledTicks = 0;
    }

    private void emit(BundleKey key, TickerCandle candle) {
        output.collect(eventTimeWindowMillis == 0 ? reusableRecord.replace(candle)
                : reusableRecord.replace(candle, key.windowStart()));
    }
}
