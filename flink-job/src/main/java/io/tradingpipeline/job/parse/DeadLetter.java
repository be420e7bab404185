package io.tradingpipeline.job.parse;

import io.tradingpipeline.job.source.RawMessage;

/**
 * A message that could not be (fully) used, with the reason. The whole original message is kept; when
 * only some ticks of an array were invalid, {@link #getRejectedIndexes()} names them (the other ticks
 * were processed), so a replay of the dead letter must only take those elements.
 */
public class DeadLetter {
    private RawMessage message;
    private String reason;
    /** Zero-based array positions of the rejected ticks; empty when the whole message was unusable. */
    private int[] rejectedIndexes;

    public DeadLetter() {}

    public DeadLetter(RawMessage message, String reason, int[] rejectedIndexes) {
        this.message = message;
        this.reason = reason;
        this.rejectedIndexes = rejectedIndexes;
    }

    public RawMessage getMessage() {
        return message;
    }

    public void setMessage(RawMessage message) {
        this.message = message;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public int[] getRejectedIndexes() {
        return rejectedIndexes;
    }

    public void setRejectedIndexes(int[] rejectedIndexes) {
        this.rejectedIndexes = rejectedIndexes;
    }
}
