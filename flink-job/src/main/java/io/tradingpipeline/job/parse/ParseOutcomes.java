package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.source.RawMessage;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and logs what the parse step makes of each message, and builds its dead letters. */
final class ParseOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(ParseOutcomes.class);
    static final int MAX_LOGGED_REASON_CHARS = 500;

    private final Counter ticksParsed;
    private final Counter ticksRejected;
    private final Counter messagesDeadLettered;

    ParseOutcomes(MetricGroup metrics) {
        ticksParsed = metrics.counter("ticksParsed");
        ticksRejected = metrics.counter("ticksRejected");
        messagesDeadLettered = metrics.counter("messagesDeadLettered");
    }

    /** Counts the message's ticks; its dead letter when it has a problem, else null. */
    DeadLetter of(RawMessage message, ParsedMessage parsed) {
        ticksParsed.inc(parsed.ticks().size());
        if (!parsed.hasProblems()) {
            return null;
        }
        ticksRejected.inc(parsed.rejections().size());
        return deadLetter(new DeadLetter(message, parsed.problemDescription(), parsed.rejectedIndexes()));
    }

    /** Counts and logs a dead letter made elsewhere, e.g. of late ticks. */
    DeadLetter deadLetter(DeadLetter deadLetter) {
        messagesDeadLettered.inc();
        RawMessage message = deadLetter.message();
        LOG.warn("Dead-lettering message {}-{} at offset {}: {}", message.topic(), message.partition(),
                message.offset(), forTheLog(deadLetter.reason()));
        return deadLetter;
    }

    /** A message with thousands of bad ticks has a reason of megabytes; the dead letter keeps it (capped) whole. */
    static String forTheLog(String reason) {
        return reason.length() <= MAX_LOGGED_REASON_CHARS ? reason
                : reason.substring(0, MAX_LOGGED_REASON_CHARS) + "… (" + reason.length() + " characters)";
    }
}
