package io.tradingpipeline.job.source;

import io.tradingpipeline.job.config.JobConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;

/** The tick topic as raw messages; offsets are committed to the consumer group on checkpoints. */
public final class KafkaMessageSource {
    private KafkaMessageSource() {}

    public static KafkaSource<RawMessage> create(JobConfig config) {
        return KafkaSource.<RawMessage>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setTopics(config.topic())
                .setGroupId(config.groupId())
                .setStartingOffsets(config.startingOffsets().initializer())
                .setDeserializer(new RawMessageDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true")
                // Producers of ticks may be transactional; never read aborted data.
                .setProperty("isolation.level", "read_committed")
                .build();
    }
}
