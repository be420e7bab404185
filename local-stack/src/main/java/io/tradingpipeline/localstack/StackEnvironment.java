package io.tradingpipeline.localstack;

import static io.tradingpipeline.contract.Setting.CASSANDRA_CONTACT_POINTS;
import static io.tradingpipeline.contract.Setting.CASSANDRA_LOCAL_DC;
import static io.tradingpipeline.contract.Setting.CASSANDRA_PORT;
import static io.tradingpipeline.contract.Setting.KAFKA_BOOTSTRAP_SERVERS;
import static io.tradingpipeline.contract.Setting.KAFKA_DLQ_TOPIC;
import static io.tradingpipeline.contract.Setting.KAFKA_TOPIC;
import static io.tradingpipeline.contract.Setting.MYSQL_DASHBOARD_USER;
import static io.tradingpipeline.contract.Setting.MYSQL_GENERATOR_PASSWORD;
import static io.tradingpipeline.contract.Setting.MYSQL_GENERATOR_USER;
import static io.tradingpipeline.contract.Setting.MYSQL_HOST;
import static io.tradingpipeline.contract.Setting.MYSQL_PORT;
import static io.tradingpipeline.contract.Setting.MYSQL_URL;
import static io.tradingpipeline.contract.Setting.MYSQL_WRITER_PASSWORD;
import static io.tradingpipeline.contract.Setting.MYSQL_WRITER_USER;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection details of a running stack as shell-sourceable {@code KEY=value} lines. The names are
 * {@link io.tradingpipeline.contract.Setting settings}, the environment variables that the Flink job and the tick
 * generator read, so {@code source stack.env} points them at the stack.
 */
record StackEnvironment(Map<String, String> values) {

    static final String FILE_NAME = "stack.env";

    static StackEnvironment of(LocalStack stack) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(KAFKA_BOOTSTRAP_SERVERS.name(), stack.kafka().bootstrapServers());
        values.put(KAFKA_TOPIC.name(), LocalStack.TRADING_DATA_TOPIC);
        values.put(KAFKA_DLQ_TOPIC.name(), LocalStack.DEAD_LETTER_TOPIC);
        values.put(CASSANDRA_CONTACT_POINTS.name(), stack.cassandra().host());
        values.put(CASSANDRA_PORT.name(), Integer.toString(stack.cassandra().port()));
        values.put(CASSANDRA_LOCAL_DC.name(), stack.cassandra().localDatacenter());
        values.put(MYSQL_HOST.name(), stack.mysql().host());
        values.put(MYSQL_PORT.name(), Integer.toString(stack.mysql().port()));
        values.put(MYSQL_URL.name(), stack.mysql().jdbcUrl());
        values.put(MYSQL_WRITER_USER.name(), stack.mysql().writer().user());
        values.put(MYSQL_DASHBOARD_USER.name(), stack.mysql().dashboard().user());
        values.put(MYSQL_GENERATOR_USER.name(), stack.mysql().generator().user());
        values.put("FLINK_WEB_UI", stack.flink().webUiUrl());
        values.put("FLINK_CONF_DIR", stack.flink().confDir().toString());
        stack.supersetIfStarted().ifPresent(superset -> values.put("SUPERSET_URL", superset.url()));
        values.put("LOCAL_STACK_DATA_DIR", stack.dataDir().toString());
        return new StackEnvironment(values);
    }

    /** The values plus the passwords, for the processes that the local run starts itself. */
    Map<String, String> withPasswords(MySqlServer mysql) {
        Map<String, String> environment = new LinkedHashMap<>(values);
        environment.put(MYSQL_WRITER_PASSWORD.name(), mysql.writer().password());
        environment.put(MYSQL_GENERATOR_PASSWORD.name(), mysql.generator().password());
        return environment;
    }

    String text() {
        StringBuilder text = new StringBuilder("""
                # No secrets here: the job needs MYSQL_WRITER_PASSWORD, the generator MYSQL_GENERATOR_PASSWORD
                # (the development values: set -a; . ./.env; set +a).
                """);
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    Path writeTo(Path dir) {
        return LocalFiles.write(dir.resolve(FILE_NAME), text());
    }
}
