package io.tradingpipeline.contract;

import picocli.CommandLine.Option;

/** The options both the generator and the job have: Kafka's brokers, the tick topic and the MySQL database. */
public final class ConnectionOptions {

    @Option(names = "--kafka-bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS).")
    private String kafkaBootstrapServers;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC",
            description = "Topic of the tick messages (env KAFKA_TOPIC).")
    private String kafkaTopic;

    @Option(names = "--mysql-url", paramLabel = "JDBC_URL",
            description = "MySQL database 'trading' (env MYSQL_URL).")
    private String mysqlUrl;

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String kafkaTopic() {
        return kafkaTopic;
    }

    public String mysqlUrl() {
        return mysqlUrl;
    }
}
