package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.source.RawMessage;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * A message as read and its parse outcome, for event time: the source parses each message once, so that its
 * ticks' {@code created_at} can drive the watermarks of the message's partition. Passed only to the chained
 * operator after the source, never over the network.
 */
public record ParsedRecord(RawMessage message, ParsedMessage parsed) {

    /** The newest {@code created_at} of the message's valid ticks; {@link Long#MIN_VALUE} when it has none. */
    public long eventTime() {
        long newest = Long.MIN_VALUE;
        for (Tick tick : parsed.ticks()) {
            newest = Math.max(newest, tick.createdAtMillis());
        }
        return newest;
    }

    /** Event time of a message for the source's watermarks: its newest tick. */
    public static final class NewestTick implements SerializableTimestampAssigner<ParsedRecord> {
        @Override
        public long extractTimestamp(ParsedRecord record, long recordTimestamp) {
            return record.eventTime();
        }
    }
}
