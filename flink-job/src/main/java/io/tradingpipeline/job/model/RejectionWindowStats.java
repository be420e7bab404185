package io.tradingpipeline.job.model;

import io.tradingpipeline.job.parse.RejectionCategory;

/**
 * The messages dead-lettered for one category during one processing-time window (a row of
 * {@code rejection_window_stats}).
 *
 * @param epochDay the UTC date of the window's start, as days since the epoch
 */
public record RejectionWindowStats(long windowStartMillis, long windowEndMillis, int epochDay,
        RejectionCategory category, long messages) {}
