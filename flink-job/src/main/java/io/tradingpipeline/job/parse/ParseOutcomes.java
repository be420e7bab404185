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
        return deadLetter(
                new DeadLetter(message, parsed.category(), parsed.problemDescription(), parsed.rejectedIndexes()));
    }

    /** Logs a dead letter, also one made elsewhere, e.g. of late ticks. */
    DeadLetter deadLetter(DeadLetter deadLetter) {
        RawMessage message = deadLetter.message();
        LOG.warn("Dead-lettering message {}-{} at offset {} ({}): {}", message.topic(), message.partition(),
                message.offset(), deadLetter.category().label(), forTheLog(deadLetter.reason()));
        return deadLetter;
    }

    /** The message's outcome for the data-quality windows; counts the message once if it got any dead letter. */
    MessageOutcome outcome(ParsedMessage parsed, boolean late) {
        MessageOutcome outcome = MessageOutcome.of(parsed, late);
        if (outcome.deadLettered()) {
            messagesDeadLettered.inc();
        }
        return outcome;
    }

    /** A message with thousands of bad ticks has a reason of megabytes; the dead letter keeps it (capped) whole. */
    static String forTheLog(String reason) {
        return reason.length() <= MAX_LOGGED_REASON_CHARS ? reason
                : reason.substring(0, MAX_LOGGED_REASON_CHARS) + "… (" + reason.length() + " characters)";
    }
}
