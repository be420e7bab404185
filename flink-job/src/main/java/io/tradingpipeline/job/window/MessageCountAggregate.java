package io.tradingpipeline.job.window;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums the pre-aggregated message counts of a window, incrementally. */
public class MessageCountAggregate implements AggregateFunction<MessageCounts, MessageCounts, MessageCounts> {

    @Override
    public MessageCounts createAccumulator() {
        return new MessageCounts();
    }

    @Override
    public MessageCounts add(MessageCounts bundle, MessageCounts acc) {
        acc.merge(bundle);
        return acc;
    }

    @Override
    public MessageCounts getResult(MessageCounts acc) {
        return acc;
    }

    @Override
    public MessageCounts merge(MessageCounts a, MessageCounts b) {
        a.merge(b);
        return a;
    }
}
