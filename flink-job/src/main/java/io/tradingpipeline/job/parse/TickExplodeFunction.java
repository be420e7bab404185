package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.source.RawMessage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns one message into its valid ticks; a message with any problem also goes, unchanged, to the
 * {@link #DEAD_LETTERS} side output, and every message leaves its {@link MessageOutcome} in the
 * {@link #MESSAGE_OUTCOMES} side output. Never throws for bad input.
 */
public class TickExplodeFunction extends ProcessFunction<RawMessage, Tick> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    /** One outcome per message read, dead-lettered or not: what the data-quality windows count. */
    public static final OutputTag<MessageOutcome> MESSAGE_OUTCOMES =
            new OutputTag<>("message-outcomes", TypeInformation.of(MessageOutcome.class));

    private final int maxMessageBytes;
    private transient TickParser parser;
    private transient ParseOutcomes outcomes;

    public TickExplodeFunction(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new TickParser(maxMessageBytes);
        outcomes = new ParseOutcomes(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(RawMessage message, Context ctx, Collector<Tick> out) {
        ParsedMessage parsed = parser.parse(message.value());
        for (Tick tick : parsed.ticks()) {
            out.collect(tick);
        }
        DeadLetter deadLetter = outcomes.of(message, parsed);
        if (deadLetter != null) {
            ctx.output(DEAD_LETTERS, deadLetter);
        }
        ctx.output(MESSAGE_OUTCOMES, outcomes.outcome(parsed, false));
    }
}
