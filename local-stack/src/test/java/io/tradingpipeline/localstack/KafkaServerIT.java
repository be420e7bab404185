package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class KafkaServerIT {

    @Test
    void createsTheTradingTopics(LocalStack stack) throws Exception {
        Map<String, TopicDescription> topics = describe(stack, LocalStack.TRADING_DATA_TOPIC, LocalStack.DEAD_LETTER_TOPIC);

        assertThat(topics.get(LocalStack.TRADING_DATA_TOPIC).partitions()).hasSize(4);
        assertThat(topics.get(LocalStack.DEAD_LETTER_TOPIC).partitions()).hasSize(1);
    }

    @Test
    void deliversAProducedRecordToAConsumer(LocalStack stack) throws Exception {
        String key = "ALTO.JK";
        String value = "[{\"id\":\"" + UUID.randomUUID() + "\"}]";
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(stack))) {
            sent = producer.send(new ProducerRecord<>(LocalStack.TRADING_DATA_TOPIC, key, value)).get();
        }

        List<ConsumerRecord<String, String>> received = readFrom(stack,
                new TopicPartition(sent.topic(), sent.partition()), sent.offset());

        assertThat(received).first().satisfies(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo(value);
        });
    }

    @Test
    void acceptsTransactionsAsLongAsFlinksExactlyOnceSinkNeeds(LocalStack stack) throws Exception {
        String topic = "transactions-" + UUID.randomUUID();
        stack.kafka().createTopic(topic, 1);
        Properties properties = producerProperties(stack);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic);
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofHours(1).toMillis());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        assertThat(readFrom(stack, new TopicPartition(topic, 0), 0))
                .extracting(ConsumerRecord::value).containsExactly("committed");
    }

    @Test
    void createsFurtherTopicsIdempotently(LocalStack stack) throws Exception {
        String topic = "created-" + UUID.randomUUID();

        stack.kafka().createTopic(topic, 3);
        stack.kafka().createTopic(topic, 3);

        assertThat(describe(stack, topic).get(topic).partitions()).hasSize(3);
    }

    private static Map<String, TopicDescription> describe(LocalStack stack, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
            return admin.describeTopics(List.of(topics)).allTopicNames().get();
        }
    }

    private static Properties producerProperties(LocalStack stack) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    /** Reads the records of one partition from {@code offset} on, committed ones only. */
    private static List<ConsumerRecord<String, String>> readFrom(LocalStack stack, TopicPartition partition, long offset) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
