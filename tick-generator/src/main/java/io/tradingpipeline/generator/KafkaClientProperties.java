package io.tradingpipeline.generator;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Kafka client settings derived from the configuration. */
public final class KafkaClientProperties {

    private static final long MAX_REQUEST_TIMEOUT_MS = 30_000;

    private KafkaClientProperties() {
    }

    public static Properties producer(GeneratorConfig config) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "tick-generator");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression().kafkaName());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(config.lingerMs()));
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(config.batchSize()));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.maxBlock().toMillis()));
        long deliveryTimeoutMs = config.deliveryTimeout().toMillis();
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        long requestTimeoutMs = Math.max(1, Math.min(MAX_REQUEST_TIMEOUT_MS, deliveryTimeoutMs - config.lingerMs()));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestTimeoutMs));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                Long.toString(Math.max(deliveryTimeoutMs, requestTimeoutMs + config.lingerMs())));
        properties.putAll(config.producerProperties());
        return properties;
    }

    /** Consumer that only reads partition tails at start: no group, no commits, sees every written record. */
    public static Properties tailReader(GeneratorConfig config) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "tick-generator-last-id");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // read_uncommitted also counts ids of aborted transactions: such ids are never handed out again.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        long timeoutMs = config.maxBlock().toMillis();
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(MAX_REQUEST_TIMEOUT_MS, timeoutMs)));
        return properties;
    }
}
