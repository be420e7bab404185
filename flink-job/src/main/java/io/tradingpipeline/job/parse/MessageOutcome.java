package io.tradingpipeline.job.parse;

/**
 * What became of one message read from Kafka: the ticks it gave, the ticks it rejected and, when it was
 * dead-lettered, why.
 *
 * @param ticksParsed the valid ticks, late ones included (they reach the raw-tick store)
 * @param ticksRejected the invalid elements of a readable array; 0 when the message was unusable as a whole
 * @param category null when the message had no invalid input
 * @param late whether some of its ticks came after their event-time window had closed (a dead letter of category
 *     {@link RejectionCategory#LATE}, besides the one of {@code category} if any)
 */
public record MessageOutcome(int ticksParsed, int ticksRejected, RejectionCategory category, boolean late) {

    public MessageOutcome(int ticksParsed, int ticksRejected, RejectionCategory category) {
        this(ticksParsed, ticksRejected, category, false);
    }

    static MessageOutcome of(ParsedMessage parsed, boolean late) {
        return new MessageOutcome(parsed.ticks().size(), parsed.rejections().size(), parsed.category(), late);
    }

    /** Whether the message got any dead letter. */
    public boolean deadLettered() {
        return category != null || late;
    }
}
