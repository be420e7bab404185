package io.tradingpipeline.job.testsupport;

/** Sums of the columns of {@code message_window_stats}. */
public record MessageTotals(long messagesRead, long ticksParsed, long messagesDeadLettered, long ticksRejected) {}
