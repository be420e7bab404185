package io.tradingpipeline.job.source;

/** One Kafka record header, kept as raw bytes so a dead-lettered message is forwarded unchanged. */
public record MessageHeader(String key, byte[] value) {}
