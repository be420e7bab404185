package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.model.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The parse step of event time: the source has parsed each message already (see {@code ParsingSource}); this
 * passes on each valid tick stamped with its {@code created_at}, dead-letters invalid input as the processing-time
 * step does, and dead-letters the ticks whose window has already closed (category {@link RejectionCategory#LATE});
 * those go to {@link #LATE_TICKS} instead of the windows, for the raw-tick store, which takes every valid tick.
 * Each message leaves its {@link MessageOutcome} in {@link TickExplodeFunction#MESSAGE_OUTCOMES}, as in processing
 * time.
 *
 * <p>A tick is late when the end of its tumbling window is not after the current watermark. The windows downstream
 * see at most this watermark (they take the least of their inputs), so a tick passed on here always reaches its
 * window before it fires, and nothing is dropped silently.
 */
public class EventTimeTickRouter extends AbstractStreamOperator<Tick>
        implements OneInputStreamOperator<ParsedRecord, Tick> {
    public static final OutputTag<Tick> LATE_TICKS = new OutputTag<>("late-ticks", TypeInformation.of(Tick.class));

    private final long windowMillis;
    private transient ParseOutcomes outcomes;
    private transient Counter ticksLate;
    private transient StreamRecord<Tick> reusableRecord;
    private transient long watermark;

    public EventTimeTickRouter(Duration windowSize) {
        this.windowMillis = windowSize.toMillis();
        // Chained to the source, so that the parsed messages are never serialized.
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void open() throws Exception {
        super.open();
        outcomes = new ParseOutcomes(getMetricGroup());
        ticksLate = getMetricGroup().counter("ticksLate");
        reusableRecord = new StreamRecord<>(null);
        watermark = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<ParsedRecord> element) {
        ParsedRecord record = element.getValue();
        List<Tick> ticks = record.parsed().ticks();
        List<Integer> late = null;
        for (int i = 0; i < ticks.size(); i++) {
            Tick tick = ticks.get(i);
            if (windowEnd(tick) - 1 <= watermark) {
                if (late == null) {
                    late = new ArrayList<>();
                }
                late.add(i);
                output.collect(LATE_TICKS, reusableRecord.replace(tick, tick.createdAtMillis()));
            } else {
                output.collect(reusableRecord.replace(tick, tick.createdAtMillis()));
            }
        }
        DeadLetter invalid = outcomes.of(record.message(), record.parsed());
        if (invalid != null) {
            output.collect(TickExplodeFunction.DEAD_LETTERS, new StreamRecord<>(invalid));
        }
        if (late != null) {
            ticksLate.inc(late.size());
            output.collect(TickExplodeFunction.DEAD_LETTERS,
                    new StreamRecord<>(outcomes.deadLetter(lateDeadLetter(record, late))));
        }
        output.collect(TickExplodeFunction.MESSAGE_OUTCOMES,
                new StreamRecord<>(outcomes.outcome(record.parsed(), late != null)));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = mark.getTimestamp();
        super.processWatermark(mark);
    }

    private long windowEnd(Tick tick) {
        return TimeWindow.getWindowStartWithOffset(tick.createdAtMillis(), 0, windowMillis) + windowMillis;
    }

    /** One dead letter for the late ticks of a message, naming their positions in its array. */
    private DeadLetter lateDeadLetter(ParsedRecord record, List<Integer> lateTicks) {
        int[] positions = positionsOfValidTicks(record.parsed());
        int[] latePositions = new int[lateTicks.size()];
        long maxLateness = 0;
        StringBuilder reason = new StringBuilder(RejectionCategory.LATE.label()).append(": ");
        for (int i = 0; i < lateTicks.size(); i++) {
            Tick tick = record.parsed().ticks().get(lateTicks.get(i));
            latePositions[i] = positions[lateTicks.get(i)];
            long lateness = watermark - tick.createdAtMillis();
            maxLateness = Math.max(maxLateness, lateness);
            if (i > 0) {
                reason.append("; ");
            }
            reason.append("tick[").append(latePositions[i]).append("] created at ")
                    .append(Instant.ofEpochMilli(tick.createdAtMillis())).append(" is ").append(lateness)
                    .append(" ms behind the watermark ").append(Instant.ofEpochMilli(watermark))
                    .append(", its window ended at ").append(Instant.ofEpochMilli(windowEnd(tick)));
        }
        return new DeadLetter(record.message(), RejectionCategory.LATE, reason.toString(), latePositions,
                maxLateness);
    }

    /** The array position of each valid tick: the positions that were not rejected, in order. */
    private static int[] positionsOfValidTicks(ParsedMessage parsed) {
        int[] positions = new int[parsed.ticks().size()];
        int[] rejected = parsed.rejectedIndexes();
        int position = 0;
        int nextRejected = 0;
        for (int i = 0; i < positions.length; i++) {
            while (nextRejected < rejected.length && rejected[nextRejected] == position) {
                nextRejected++;
                position++;
            }
            positions[i] = position++;
        }
        return positions;
    }
}
