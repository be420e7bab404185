package io.tradingpipeline.job.config;

import io.tradingpipeline.contract.ConnectionOptions;
import io.tradingpipeline.contract.DurationConverter;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.contract.SettingDefaults;
import io.tradingpipeline.job.TopologySettings;
import io.tradingpipeline.job.WindowTime;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Every setting of the job. Each option falls back to the environment variable it names, then to its default (see
 * {@link SettingDefaults}); the MySQL password has none.
 */
@Command(name = "flink run flink-job.jar", sortOptions = false, showDefaultValues = true,
        usageHelpAutoWidth = true, abbreviateSynopsis = true,
        description = {"Reads trading ticks from Kafka, writes them to Cassandra and window aggregates to MySQL.",
            "Durations: " + DurationConverter.SYNTAX + ". Every option falls back to the environment variable it "
                + "names, then to the default shown; --mysql-writer-password has none."})
public class JobConfig {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this help and exit.")
    private boolean helpRequested;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--kafka-dlq-topic", paramLabel = "TOPIC",
            description = "Dead-letter topic for unusable messages (env KAFKA_DLQ_TOPIC).")
    private String deadLetterTopic;

    @Option(names = "--kafka-group-id", paramLabel = "GROUP", defaultValue = "trading-analytics",
            description = "Consumer group; offsets are committed on checkpoints (env KAFKA_GROUP_ID).")
    private String groupId;

    @Option(names = "--kafka-starting-offsets", paramLabel = "MODE",
            converter = StartingOffsets.Converter.class,
            defaultValue = "committed-or-earliest",
            description = "Where to start without a checkpoint or savepoint: committed-or-earliest, "
                    + "earliest or latest (env KAFKA_STARTING_OFFSETS).")
    private StartingOffsets startingOffsets;

    @Option(names = "--kafka-dlq-transactional-id-prefix", paramLabel = "PREFIX",
            defaultValue = "trading-analytics-dlq",
            description = "Transactional id prefix of the dead-letter producer; unique per job "
                    + "(env KAFKA_DLQ_TRANSACTIONAL_ID_PREFIX).")
    private String deadLetterTransactionalIdPrefix;

    @Option(names = "--max-message-bytes", paramLabel = "BYTES",
            defaultValue = "1048576",
            description = "Larger messages are dead-lettered unparsed (env MAX_MESSAGE_BYTES).")
    private int maxMessageBytes;

    @Option(names = "--cassandra-contact-points", paramLabel = "HOST[,...]",
            description = "Cassandra contact points (env CASSANDRA_CONTACT_POINTS).")
    private String cassandraContactPoints;

    @Option(names = "--cassandra-port", paramLabel = "PORT",
            description = "Cassandra native port (env CASSANDRA_PORT).")
    private int cassandraPort;

    @Option(names = "--cassandra-local-dc", paramLabel = "DC",
            description = "Local datacenter for load balancing (env CASSANDRA_LOCAL_DC).")
    private String cassandraLocalDatacenter;

    @Option(names = "--cassandra-username", paramLabel = "USER",
            description = "Cassandra user; empty means no authentication (env CASSANDRA_USERNAME).")
    private String cassandraUsername;

    @Option(names = "--cassandra-password", paramLabel = "PASSWORD",
            showDefaultValue = Visibility.NEVER,
            description = "Cassandra password (env CASSANDRA_PASSWORD).")
    private String cassandraPassword;

    @Option(names = "--cassandra-max-concurrent-requests", paramLabel = "N",
            defaultValue = "500",
            description = "In-flight writes per sink subtask (env CASSANDRA_MAX_CONCURRENT_REQUESTS).")
    private int cassandraMaxConcurrentRequests;

    @Option(names = "--mysql-writer-user", paramLabel = "USER",
            description = "MySQL user (env MYSQL_WRITER_USER).")
    private String mysqlUser;

    @Option(names = "--mysql-writer-password", paramLabel = "PASSWORD",
            showDefaultValue = Visibility.NEVER,
            description = "MySQL password (env MYSQL_WRITER_PASSWORD).")
    private String mysqlPassword;

    @Option(names = "--window-size", paramLabel = "DURATION", defaultValue = "60s",
            description = "Tumbling window of the aggregates (env WINDOW_SIZE).")
    private Duration windowSize;

    @Option(names = "--window-time", paramLabel = "MODE", converter = WindowTime.Converter.class,
            defaultValue = "processing",
            description = "processing: a tick counts in the window in which the job reads it; event: in the window "
                    + "of its created_at, identical on every replay (env WINDOW_TIME).")
    private WindowTime windowTime;

    @Option(names = "--max-out-of-orderness", paramLabel = "DURATION", defaultValue = "5s",
            description = "Event time: how far a tick may trail the newest tick of its Kafka partition and still "
                    + "be sure to reach its window; a tick whose window has closed is dead-lettered as late "
                    + "(env MAX_OUT_OF_ORDERNESS).")
    private Duration maxOutOfOrderness;

    @Option(names = "--source-idle-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Event time: a Kafka partition without messages for this long stops holding windows "
                    + "back (env SOURCE_IDLE_TIMEOUT).")
    private Duration sourceIdleTimeout;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "10s",
            description = "Exactly-once checkpoint interval; MySQL and dead-letter writes become visible "
                    + "when a checkpoint completes (env CHECKPOINT_INTERVAL).")
    private Duration checkpointInterval;

    @Option(names = "--checkpoint-timeout", paramLabel = "DURATION", defaultValue = "2min",
            description = "Checkpoints taking longer are aborted (env CHECKPOINT_TIMEOUT).")
    private Duration checkpointTimeout;

    @Option(names = "--checkpoint-min-pause", paramLabel = "DURATION", defaultValue = "5s",
            description = "Minimum pause between checkpoints (env CHECKPOINT_MIN_PAUSE).")
    private Duration checkpointMinPause;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", defaultValue = "",
            description = "Checkpoint storage URI (file://, s3://, ...); empty keeps the cluster's "
                    + "state.checkpoints.dir (env CHECKPOINT_DIR).")
    private String checkpointDir;

    @Option(names = "--restart-attempts", paramLabel = "N", defaultValue = "0",
            description = "Restarts in a row before the job fails for good; 0 never gives up, so an outage of a "
                    + "store costs time but not the job (env RESTART_ATTEMPTS).")
    private int restartAttempts;

    @Option(names = "--restart-initial-delay", paramLabel = "DURATION", defaultValue = "1s",
            description = "Delay before the first restart; it doubles with every failure in a row "
                    + "(env RESTART_INITIAL_DELAY).")
    private Duration restartInitialDelay;

    @Option(names = "--restart-max-delay", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest delay between restarts (env RESTART_MAX_DELAY).")
    private Duration restartMaxDelay;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
            description = "Job parallelism; 0 keeps the cluster default (env PARALLELISM).")
    private int parallelism;

    /**
     * Parses and validates {@code args}.
     *
     * @throws ParameterException naming the unknown, malformed or out-of-range option
     * @throws io.tradingpipeline.contract.MissingSettingException naming a secret that is not set
     */
    public static JobConfig parse(String... args) {
        return parse(System.getenv(), args);
    }

    /** Like {@link #parse(String...)}, with {@code environment} in place of the process environment. */
    public static JobConfig parse(Map<String, String> environment, String... args) {
        JobConfig config = new JobConfig();
        CommandLine cli = commandLine(config, environment);
        cli.parseArgs(args);
        if (!config.helpRequested) {
            config.validate(cli);
            SettingDefaults.require(cli, Setting.MYSQL_WRITER_PASSWORD);
        }
        return config;
    }

    public static String usage() {
        return commandLine(new JobConfig(), System.getenv()).getUsageMessage();
    }

    /** The job's options as picocli sees them, e.g. to list the environment variables the job reads. */
    public static CommandLine commandLine() {
        return commandLine(new JobConfig(), System.getenv());
    }

    private static CommandLine commandLine(JobConfig config, Map<String, String> environment) {
        return new CommandLine(config)
                .registerConverter(Duration.class, new DurationConverter())
                .setDefaultValueProvider(new SettingDefaults(environment));
    }

    private void validate(CommandLine cli) {
        requirePositive(cli, "--window-size", windowSize);
        require(cli, !maxOutOfOrderness.isNegative(), "--max-out-of-orderness must not be negative");
        requirePositive(cli, "--source-idle-timeout", sourceIdleTimeout);
        requirePositive(cli, "--checkpoint-interval", checkpointInterval);
        requirePositive(cli, "--checkpoint-timeout", checkpointTimeout);
        require(cli, !checkpointMinPause.isNegative(), "--checkpoint-min-pause must not be negative");
        requirePositive(cli, "--restart-initial-delay", restartInitialDelay);
        require(cli, restartMaxDelay.compareTo(restartInitialDelay) >= 0,
                "--restart-max-delay must not be shorter than --restart-initial-delay");
        require(cli, restartAttempts >= 0, "--restart-attempts must not be negative");
        require(cli, parallelism >= 0, "--parallelism must not be negative");
        require(cli, maxMessageBytes > 0, "--max-message-bytes must be positive");
        require(cli, cassandraMaxConcurrentRequests > 0, "--cassandra-max-concurrent-requests must be positive");
        require(cli, cassandraPort > 0 && cassandraPort < 65536, "--cassandra-port must be 1-65535");
        require(cli, !cassandraContactPoints.isBlank(), "--cassandra-contact-points must not be empty");
        require(cli, !connection.kafkaBootstrapServers().isBlank(), "--kafka-bootstrap-servers must not be empty");
    }

    private static void requirePositive(CommandLine cli, String option, Duration value) {
        require(cli, !value.isNegative() && !value.isZero(), option + " must be positive");
    }

    private static void require(CommandLine cli, boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(cli, message);
        }
    }

    public boolean helpRequested() {
        return helpRequested;
    }

    public String kafkaBootstrapServers() {
        return connection.kafkaBootstrapServers();
    }

    public String topic() {
        return connection.kafkaTopic();
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String groupId() {
        return groupId;
    }

    public StartingOffsets startingOffsets() {
        return startingOffsets;
    }

    public String deadLetterTransactionalIdPrefix() {
        return deadLetterTransactionalIdPrefix;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public String[] cassandraContactPoints() {
        return cassandraContactPoints.trim().split("\\s*,\\s*");
    }

    public int cassandraPort() {
        return cassandraPort;
    }

    public String cassandraLocalDatacenter() {
        return cassandraLocalDatacenter;
    }

    public String cassandraUsername() {
        return cassandraUsername;
    }

    public String cassandraPassword() {
        return cassandraPassword;
    }

    public int cassandraMaxConcurrentRequests() {
        return cassandraMaxConcurrentRequests;
    }

    public String mysqlUrl() {
        return connection.mysqlUrl();
    }

    public String mysqlUser() {
        return mysqlUser;
    }

    public String mysqlPassword() {
        return mysqlPassword;
    }

    public Duration windowSize() {
        return windowSize;
    }

    public WindowTime windowTime() {
        return windowTime;
    }

    public Duration maxOutOfOrderness() {
        return maxOutOfOrderness;
    }

    public Duration sourceIdleTimeout() {
        return sourceIdleTimeout;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public Duration checkpointTimeout() {
        return checkpointTimeout;
    }

    public Duration checkpointMinPause() {
        return checkpointMinPause;
    }

    public String checkpointDir() {
        return checkpointDir;
    }

    public int restartAttempts() {
        return restartAttempts;
    }

    public Duration restartInitialDelay() {
        return restartInitialDelay;
    }

    public Duration restartMaxDelay() {
        return restartMaxDelay;
    }

    public int parallelism() {
        return parallelism;
    }

    public TopologySettings topologySettings() {
        return new TopologySettings(topic(), deadLetterTopic, maxMessageBytes, windowSize, windowTime,
                maxOutOfOrderness, sourceIdleTimeout);
    }
}
