package io.tradingpipeline.contract;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * The environment variables of the product. A program option named like the variable in lower case with dashes
 * ({@code KAFKA_BOOTSTRAP_SERVERS} ↔ {@code --kafka-bootstrap-servers}) falls back to it, then to the development
 * default in the repository's {@code .env} (see {@link SettingDefaults}); the local stack exports the connection
 * settings under these names, docker compose sets them on its services.
 */
public enum Setting {
    KAFKA_BOOTSTRAP_SERVERS,
    KAFKA_TOPIC,
    KAFKA_DLQ_TOPIC,
    KAFKA_GROUP_ID,
    KAFKA_STARTING_OFFSETS,
    KAFKA_DLQ_TRANSACTIONAL_ID_PREFIX,
    MAX_MESSAGE_BYTES,
    CASSANDRA_CONTACT_POINTS,
    CASSANDRA_PORT,
    CASSANDRA_KEYSPACE,
    CASSANDRA_LOCAL_DC,
    CASSANDRA_USERNAME,
    CASSANDRA_PASSWORD,
    CASSANDRA_MAX_CONCURRENT_REQUESTS,
    MYSQL_HOST,
    MYSQL_PORT,
    MYSQL_URL,
    MYSQL_ROOT_PASSWORD,
    MYSQL_WRITER_USER,
    MYSQL_WRITER_PASSWORD,
    MYSQL_GENERATOR_USER,
    MYSQL_GENERATOR_PASSWORD,
    MYSQL_DASHBOARD_USER,
    MYSQL_DASHBOARD_PASSWORD,
    WINDOW_SIZE,
    WINDOW_TIME,
    MAX_OUT_OF_ORDERNESS,
    SOURCE_IDLE_TIMEOUT,
    CHECKPOINT_INTERVAL,
    CHECKPOINT_TIMEOUT,
    CHECKPOINT_MIN_PAUSE,
    CHECKPOINT_DIR,
    RESTART_ATTEMPTS,
    RESTART_INITIAL_DELAY,
    RESTART_MAX_DELAY,
    PARALLELISM,
    SUPERSET_SECRET_KEY,
    SUPERSET_ADMIN_USER,
    SUPERSET_ADMIN_PASSWORD;

    /** The command-line option that reads this variable, e.g. {@code --kafka-bootstrap-servers}. */
    public String option() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The settings that the options of {@code commandLine} read. */
    public static Set<Setting> readBy(CommandLine commandLine) {
        Set<Setting> settings = EnumSet.noneOf(Setting.class);
        commandLine.getCommandSpec().options().forEach(option -> ofOption(option.longestName()).ifPresent(settings::add));
        return settings;
    }

    /** The setting read by {@code option}, if the option has one. */
    public static Optional<Setting> ofOption(String option) {
        for (Setting setting : values()) {
            if (setting.option().equals(option)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
