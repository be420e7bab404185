package io.tradingpipeline.job.parse;

/**
 * Why a message was dead-lettered, in a few words fit for a chart: the {@code dlq.reason.category} header and the
 * {@code reason} column of {@code rejection_window_stats}. The detailed reason stays in {@code dlq.reason}.
 *
 * <p>Add a category by adding a constant at the end; never reorder or remove one, as window state counts the
 * categories by position.
 */
public enum RejectionCategory {
    /** No bytes, or only whitespace (e.g. a tombstone). */
    EMPTY("empty"),
    /** Larger than {@code --max-message-bytes}. */
    OVERSIZED("oversized"),
    /** Malformed or truncated JSON, invalid UTF-8, or content after the JSON value. */
    NOT_JSON("not_json"),
    /** JSON, but an empty array or a top-level value that is neither an array nor an object. */
    NOT_A_TICK_ARRAY("not_a_tick_array"),
    /** A readable message with at least one invalid tick; its valid ticks were processed. */
    INVALID_TICK("invalid_tick"),
    /** Event time only: valid ticks whose window had closed; they were written to the raw-tick store only. */
    LATE("late");

    private final String label;

    RejectionCategory(String label) {
        this.label = label;
    }

    /** The stable name in headers and tables. */
    public String label() {
        return label;
    }
}
