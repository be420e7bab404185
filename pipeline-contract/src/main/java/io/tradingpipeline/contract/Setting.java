package io.tradingpipeline.contract;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * The environment variables of the product, with the connection defaults of a laptop. A program option named like
 * the variable in lower case with dashes ({@code KAFKA_BOOTSTRAP_SERVERS} ↔ {@code --kafka-bootstrap-servers})
 * falls back to it, then to the default here (see {@link SettingValues}). Secrets have no default: the local stack,
 * docker compose (the repository's {@code .env}) and the tests pass development values explicitly, and a program
 * that needs a missing one stops and names it ({@link MissingSettingException}).
 */
public enum Setting {
    KAFKA_BOOTSTRAP_SERVERS("localhost:9092"),
    KAFKA_TOPIC("trading_data"),
    KAFKA_DLQ_TOPIC("trading_data_dlq"),
    KAFKA_GROUP_ID,
    KAFKA_STARTING_OFFSETS,
    KAFKA_DLQ_TRANSACTIONAL_ID_PREFIX,
    MAX_MESSAGE_BYTES,
    CASSANDRA_CONTACT_POINTS("localhost"),
    CASSANDRA_PORT("9042"),
    CASSANDRA_LOCAL_DC("datacenter1"),
    CASSANDRA_USERNAME,
    CASSANDRA_PASSWORD(Kind.SECRET),
    CASSANDRA_MAX_CONCURRENT_REQUESTS,
    MYSQL_HOST("localhost"),
    MYSQL_PORT("3306"),
    MYSQL_URL("jdbc:mysql://localhost:3306/trading"),
    MYSQL_ROOT_PASSWORD(Kind.SECRET),
    MYSQL_WRITER_USER("trading_writer"),
    MYSQL_WRITER_PASSWORD(Kind.SECRET),
    MYSQL_GENERATOR_USER("trading_generator"),
    MYSQL_GENERATOR_PASSWORD(Kind.SECRET),
    MYSQL_DASHBOARD_USER("trading_dashboard"),
    MYSQL_DASHBOARD_PASSWORD(Kind.SECRET),
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
    SUPERSET_SECRET_KEY(Kind.SECRET),
    SUPERSET_ADMIN_USER("admin"),
    SUPERSET_ADMIN_PASSWORD(Kind.SECRET);

    private enum Kind { PLAIN, SECRET }

    private final Kind kind;
    private final String defaultValue;

    /** A setting whose default, if any, is the reading option's own. */
    Setting() {
        this(Kind.PLAIN, null);
    }

    Setting(String defaultValue) {
        this(Kind.PLAIN, defaultValue);
    }

    Setting(Kind kind) {
        this(kind, null);
    }

    Setting(Kind kind, String defaultValue) {
        this.kind = kind;
        this.defaultValue = defaultValue;
    }

    /** A password or key: no default, never inside a built artifact, never printed. */
    public boolean isSecret() {
        return kind == Kind.SECRET;
    }

    /** The value used when neither a flag nor the environment sets one; never present for a secret. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

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

    /** The setting named {@code name}, if there is one. */
    public static Optional<Setting> named(String name) {
        for (Setting setting : values()) {
            if (setting.name().equals(name)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
