package io.tradingpipeline.job.window;

import io.tradingpipeline.job.parse.MessageOutcome;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sums the outcomes of the messages one parser subtask read over short bundles, before the shuffle to the
 * data-quality window: one record per bundle instead of one per message. Bundles are cut like those of
 * {@link TickBundleOperator}: {@code maxDelay} after their first message, before every checkpoint barrier and at
 * the end of input, so the operator needs no state.
 */
public class MessageCountBundleOperator extends AbstractStreamOperator<MessageCounts>
        implements OneInputStreamOperator<MessageOutcome, MessageCounts>, ProcessingTimeCallback {

    private final long maxDelayMillis;
    /** Null while no message is bundled. */
    private transient MessageCounts bundle;
    private transient boolean flushScheduled;

    public MessageCountBundleOperator(Duration maxDelay) {
        this.maxDelayMillis = maxDelay.toMillis();
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void processElement(StreamRecord<MessageOutcome> element) {
        if (bundle == null) {
            bundle = new MessageCounts();
        }
        bundle.add(element.getValue());
        if (!flushScheduled) {
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
        if (bundle != null) {
            output.collect(new StreamRecord<>(bundle));
            bundle = null;
        }
    }
}
