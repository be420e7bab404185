package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.source.RawMessage;

/**
 * A message that could not be (fully) used, with the category and the reason. The whole original message is kept;
 * when only some ticks of an array were invalid, {@link #rejectedIndexes()} names them (the other ticks
 * were processed), so a replay of the dead letter must only take those elements.
 *
 * @param rejectedIndexes zero-based array positions of the rejected ticks; empty when the whole message was
 *     unusable
 * @param latenessMillis for ticks that came after their event-time window had closed (category
 *     {@link RejectionCategory#LATE}): how far the most late of them was behind the watermark; {@link #NOT_LATE}
 *     otherwise
 */
public record DeadLetter(RawMessage message, RejectionCategory category, String reason, int[] rejectedIndexes,
        long latenessMillis) {
    public static final long NOT_LATE = -1;

    public DeadLetter(RawMessage message, RejectionCategory category, String reason, int[] rejectedIndexes) {
        this(message, category, reason, rejectedIndexes, NOT_LATE);
    }

    public boolean isLate() {
        return latenessMillis != NOT_LATE;
    }
}
