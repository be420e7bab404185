package io.tradingpipeline.job.window;

import io.tradingpipeline.job.parse.MessageOutcome;
import java.time.Duration;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Sums the outcomes of the messages one parser subtask read over short bundles, before the shuffle to the
 * data-quality window: one record per bundle instead of one per message. Bundles are cut like those of
 * {@link TickBundleOperator}: {@code maxDelay} after their first message, before every checkpoint barrier and at
 * the end of input, so the operator needs no state.
 */
public class MessageCountBundleOperator extends BundlingOperator<MessageOutcome, MessageCounts> {

    /** Null while no message is bundled. */
    private transient MessageCounts bundle;

    public MessageCountBundleOperator(Duration maxDelay) {
        super(maxDelay);
    }

    @Override
    public void processElement(StreamRecord<MessageOutcome> element) {
        if (bundle == null) {
            bundle = new MessageCounts();
        }
        bundle.add(element.getValue());
        scheduleFlush();
    }

    @Override
    void flush() {
        if (bundle != null) {
            output.collect(new StreamRecord<>(bundle));
            bundle = null;
        }
    }
}
