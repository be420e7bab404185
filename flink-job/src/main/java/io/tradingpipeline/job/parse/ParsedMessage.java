package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.model.Tick;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Outcome of parsing one message: the valid ticks, plus either a message-level error with its category (then there
 * are no ticks: nothing of an unreadable message is trusted) or the rejected elements of a readable array.
 */
public record ParsedMessage(List<Tick> ticks, String error, RejectionCategory errorCategory,
        List<TickRejection> rejections) {

    static ParsedMessage failed(RejectionCategory category, String error) {
        return new ParsedMessage(List.of(), error, category, List.of());
    }

    /** True when the message must go to the dead-letter queue. */
    public boolean hasProblems() {
        return error != null || !rejections.isEmpty();
    }

    /** The category of the problem; null when there is none. */
    public RejectionCategory category() {
        if (error != null) {
            return errorCategory;
        }
        return rejections.isEmpty() ? null : RejectionCategory.INVALID_TICK;
    }

    /** One line for the dead-letter record and the log; null when there is no problem. */
    public String problemDescription() {
        if (error != null) {
            return error;
        }
        if (rejections.isEmpty()) {
            return null;
        }
        return rejections.stream().map(TickRejection::toString).collect(Collectors.joining("; "));
    }

    public int[] rejectedIndexes() {
        return rejections.stream().mapToInt(TickRejection::index).toArray();
    }
}
