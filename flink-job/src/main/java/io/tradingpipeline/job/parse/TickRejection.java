package io.tradingpipeline.job.parse;

/** Why the element at {@code index} of a message's tick array was not accepted. */
public record TickRejection(int index, String reason) {
    @Override
    public String toString() {
        return "tick[" + index + "]: " + reason;
    }
}
