package io.tradingpipeline.job.window;

import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;

/**
 * A chained operator that merges records into a bundle and hands the bundle on {@code maxDelay} after it began,
 * before every checkpoint barrier and at the end of input, so that it needs no state: what a checkpoint covers has
 * left the operator before the barrier does.
 */
abstract class BundlingOperator<IN, OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, ProcessingTimeCallback {

    private final long maxDelayMillis;
    private transient boolean flushScheduled;

    BundlingOperator(Duration maxDelay) {
        this.maxDelayMillis = maxDelay.toMillis();
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    /** Hands on every bundled record. */
    abstract void flush();

    /** Makes sure the bundle is flushed at most {@code maxDelay} from now; call after adding to it. */
    final void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            getProcessingTimeService().registerTimer(
                    getProcessingTimeService().getCurrentProcessingTime() + maxDelayMillis, this);
        }
    }

    @Override
    public final void onProcessingTime(long time) {
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
}
