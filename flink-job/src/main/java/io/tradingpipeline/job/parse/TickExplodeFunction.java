package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.source.RawMessage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(TickExplodeFunction.class);
    static final int MAX_LOGGED_REASON_CHARS = 500;

    private final int maxMessageBytes;
    private transient TickParser parser;
    private transient Counter ticksParsed;
    private transient Counter ticksRejected;
    private transient Counter messagesDeadLettered;

    public TickExplodeFunction(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new TickParser(maxMessageBytes);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        ticksParsed = metrics.counter("ticksParsed");
        ticksRejected = metrics.counter("ticksRejected");
        messagesDeadLettered = metrics.counter("messagesDeadLettered");
    }

    @Override
    public void processElement(RawMessage message, Context ctx, Collector<Tick> out) {
        ParsedMessage parsed = parser.parse(message.value());
        for (Tick tick : parsed.ticks()) {
            out.collect(tick);
        }
        ticksParsed.inc(parsed.ticks().size());
        RejectionCategory category = parsed.category();
        if (category != null) {
            ticksRejected.inc(parsed.rejections().size());
            messagesDeadLettered.inc();
            String reason = parsed.problemDescription();
            LOG.warn("Dead-lettering message {}-{} at offset {} ({}): {}", message.topic(), message.partition(),
                    message.offset(), category.label(), forTheLog(reason));
            ctx.output(DEAD_LETTERS, new DeadLetter(message, category, reason, parsed.rejectedIndexes()));
        }
        ctx.output(MESSAGE_OUTCOMES,
                new MessageOutcome(parsed.ticks().size(), parsed.rejections().size(), category));
    }

    /** A message with thousands of bad ticks has a reason of megabytes; the dead letter keeps it (capped) whole. */
    static String forTheLog(String reason) {
        return reason.length() <= MAX_LOGGED_REASON_CHARS ? reason
                : reason.substring(0, MAX_LOGGED_REASON_CHARS) + "… (" + reason.length() + " characters)";
    }
}
