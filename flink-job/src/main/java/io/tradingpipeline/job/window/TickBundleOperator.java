package io.tradingpipeline.job.window;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Pre-aggregates ticks into one candle per (date, ticker, sector) over short bundles, before the
 * shuffle to the windows: a bundle of thousands of ticks crosses the network as a few candles.
 *
 * <p>A bundle is emitted when it holds {@code maxTicks} ticks, {@code maxDelay} after its first tick,
 * before every checkpoint barrier and at the end of input, so it needs no state: what a checkpoint
 * covers has been handed downstream. A tick thus reaches its processing-time window at most
 * {@code maxDelay} later than without bundling.
 */
public class TickBundleOperator extends AbstractStreamOperator<TickerCandle>
        implements OneInputStreamOperator<Tick, TickerCandle>, ProcessingTimeCallback {

    private record BundleKey(int tradeEpochDay, String ticker, String sector) {}

    private final long maxDelayMillis;
    private final int maxTicks;
    private transient Map<BundleKey, TickerCandle> bundle;
    private transient StreamRecord<TickerCandle> reusableRecord;
    private transient int bundledTicks;
    private transient boolean flushScheduled;

    public TickBundleOperator(Duration maxDelay, int maxTicks) {
        this.maxDelayMillis = maxDelay.toMillis();
        this.maxTicks = maxTicks;
        setChainingStrategy(ChainingStrategy.ALWAYS);
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
        bundle.computeIfAbsent(new BundleKey(tick.tradeEpochDay(), tick.ticker(), tick.sector()),
                key -> new TickerCandle()).add(tick);
        if (++bundledTicks >= maxTicks) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            getProcessingTimeService().registerTimer(
                    getProcessingTimeService().getCurrentProcessingTime() + maxDelayMillis, this);
        }
    }

    @Override
    public void onProcessingTime(long time) {
        flushScheduled = false;
        flush();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void flush() {
        for (TickerCandle candle : bundle.values()) {
            output.collect(reusableRecord.replace(candle));
        }
        bundle.clear();
        bundledTicks = 0;
    }
}
