package io.tradingpipeline.job.window;

import org.apache.flink.api.java.functions.KeySelector;

/** One key for every message: the data-quality window has one row per window, over all messages. */
public class AllMessagesKey implements KeySelector<MessageCounts, Byte> {
    @Override
    public Byte getKey(MessageCounts counts) {
        return 0;
    }
}
