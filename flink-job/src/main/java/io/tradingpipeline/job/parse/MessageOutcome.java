package io.tradingpipeline.job.parse;

/**
 * What became of one message read from Kafka: the ticks it gave, the ticks it rejected and, when it was
 * dead-lettered, why.
 *
 * @param ticksRejected the invalid elements of a readable array; 0 when the message was unusable as a whole
 * @param category null when the message was not dead-lettered
 */
public record MessageOutcome(int ticksParsed, int ticksRejected, RejectionCategory category) {}
