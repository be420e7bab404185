package io.tradingpipeline.job.model;

/**
 * What the job read, parsed and dead-lettered during one processing-time window (a row of
 * {@code message_window_stats}).
 *
 * @param epochDay the UTC date of the window's start, as days since the epoch
 */
public record MessageWindowStats(long windowStartMillis, long windowEndMillis, int epochDay, long messagesRead,
        long ticksParsed, long messagesDeadLettered, long ticksRejected) {}
