package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Servers killed with SIGKILL come back on their ports with their data. Each test has a stack of its own. */
class ServerCrashIT {

    @Test
    void aKilledKafkaBrokerStartsAgainWithItsRecords() throws Exception {
        try (LocalStack stack = LocalStack.builder().withKafka().start()) {
            KafkaServer kafka = stack.kafka();
            RecordMetadata sent = send(kafka, "before the crash");
            long killedPid = kafka.pid();
            int port = kafka.port();

            kafka.kill();
            assertThat(ProcessHandle.of(killedPid).filter(ProcessHandle::isAlive)).isEmpty();
            kafka.startAgain();

            assertThat(kafka.port()).isEqualTo(port);
            assertThat(kafka.pid()).isNotEqualTo(killedPid);
            send(kafka, "after the crash");
            assertThat(read(kafka, new TopicPartition(sent.topic(), sent.partition()), sent.offset(), 2))
                    .containsExactly("before the crash", "after the crash");
        }
    }

    @Test
    void aKilledMariaDbStartsAgainWithItsCommittedRows() throws Exception {
        try (LocalStack stack = LocalStack.builder().withMySql().start()) {
            MySqlServer mysql = stack.mysql();
            try (Connection root = mysql.connect(mysql.root()); Statement statement = root.createStatement()) {
                statement.executeUpdate("INSERT INTO aggregated_data (processed_at, date, sector, total_volume, "
                        + "tick_count, window_start, window_end) VALUES ('2024-09-05 07:53:00', '2024-09-05', "
                        + "'crash-test', 42, 1, '2024-09-05 07:52:00', '2024-09-05 07:53:00')");
            }

            mysql.kill();
            mysql.startAgain();

            try (Connection root = mysql.connect(mysql.root()); Statement statement = root.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT SUM(total_volume) FROM aggregated_data WHERE sector = 'crash-test'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aKilledJobManagerStartsAgainAndItsTaskManagerRegistersAgain() throws Exception {
        try (LocalStack stack = LocalStack.builder().withFlink().start()) {
            FlinkSessionCluster flink = stack.flink();
            long killedPid = flink.jobManagerPid();

            flink.killJobManager();
            flink.startJobManagerAgain();

            assertThat(flink.jobManagerPid()).isNotEqualTo(killedPid);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(flink.rest("/overview"))
                    .path("taskmanagers").asInt()).isEqualTo(1);
            assertThat(flink.jobState("00000000000000000000000000000000")).isEmpty();
        }
    }

    private static RecordMetadata send(KafkaServer kafka, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(LocalStack.DEAD_LETTER_TOPIC, value)).get();
        }
    }

    private static List<String> read(KafkaServer kafka, TopicPartition partition, long offset, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
