package io.tradingpipeline.job.source;

/**
 * A Kafka record as read, before any parsing: the source never looks inside the value, so a
 * malformed message can never fail it.
 *
 * @param timestamp the record's timestamp, negative when it has none
 * @param key null when the record has none
 */
public record RawMessage(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        MessageHeader[] headers) {}
