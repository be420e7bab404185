package io.tradingpipeline.generator;

import io.tradingpipeline.contract.ConnectionOptions;
import io.tradingpipeline.contract.DurationConverter;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.contract.SettingDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The generator's whole configuration, parsed by picocli from flags with environment fallbacks for the
 * connection settings and credentials. {@link #call()} validates it and runs {@link TickGenerator}.
 */
@Command(name = "tick-generator",
        mixinStandardHelpOptions = true,
        version = "tick-generator 1.0.0",
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Produces simulated stock ticks to Kafka: every round is ONE message, a JSON array with one tick per "
                + "company of the MySQL table 'profile'. Tick ids continue above the highest id found at the "
                + "tail of the topic's partitions, so restarts never reuse an id.",
            "Default: one round every 5 s until stopped (Ctrl+C / SIGTERM: flush, print totals, exit 0). "
                + "Load mode: --rate.",
            "Durations: " + DurationConverter.SYNTAX + ". Options that name an environment variable fall back "
                + "to it, then to the default shown; --mysql-generator-password has none."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all rounds acknowledged (also after SIGINT/SIGTERM)",
            "1:runtime failure: database or Kafka unreachable, no companies, a send failed",
            "2:usage error: unknown flag or bad value"})
public final class GeneratorConfig implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final StopSignal stop;

    // --- connections ---

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--mysql-generator-user", paramLabel = "USER",
            description = "Read-only database user (env MYSQL_GENERATOR_USER).")
    private String mysqlUser;

    @Option(names = "--mysql-generator-password", paramLabel = "PASSWORD", showDefaultValue = Visibility.NEVER,
            description = "Password of the database user (env MYSQL_GENERATOR_PASSWORD).")
    private String mysqlPassword;

    @Option(names = "--db-attempts", paramLabel = "N", defaultValue = "5",
            description = "Connection attempts to the database before giving up.")
    private int dbAttempts;

    @Option(names = "--db-retry-backoff", paramLabel = "DURATION", defaultValue = "1s",
            description = "Wait after the first failed attempt; doubles after each further one (max 30s).")
    private Duration dbRetryBackoff;

    // --- pacing and stopping ---

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Time between rounds when not in load mode (default: 5s).")
    private Duration interval;

    @Option(names = "--rate", paramLabel = "TICKS_PER_SECOND",
            description = "Load mode: produce this many ticks per second (rounds/s = rate / companies); "
                    + "0 = as fast as the broker takes them. Excludes --interval.")
    private Double rate;

    @Option(names = "--count", paramLabel = "ROUNDS",
            description = "Stop after this many rounds (= messages; ticks = rounds × companies).")
    private Long count;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long.")
    private Duration duration;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "Time between progress lines on stderr.")
    private Duration progressInterval;

    @Option(names = "--progress-file", paramLabel = "FILE",
            description = "Also write the progress as JSON to FILE at every progress line and at the end "
                    + "(replaced atomically), for programs to read.")
    private Path progressFile;

    // --- market model ---

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed: same seed and settings give the same prices and "
            + "volumes (ids and created_at differ). Default: random, printed at start.")
    private Long seed;

    @Option(names = "--base-price-min", paramLabel = "PRICE", defaultValue = "500",
            description = "Lowest starting price; each ticker's start is drawn from [min, max] by the seed.")
    private long basePriceMin;

    @Option(names = "--base-price-max", paramLabel = "PRICE", defaultValue = "600",
            description = "Highest starting price.")
    private long basePriceMax;

    @Option(names = "--band", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "Prices stay within start × (1 ± band).")
    private double band;

    @Option(names = "--volatility", paramLabel = "SIGMA", defaultValue = "0.005",
            description = "Standard deviation of the log price step per round.")
    private double volatility;

    @Option(names = "--volume-median", paramLabel = "SHARES", defaultValue = "300000",
            description = "Median volume per tick (log-normal, whole lots of 100).")
    private long volumeMedian;

    @Option(names = "--volume-sigma", paramLabel = "SIGMA", defaultValue = "0.8",
            description = "Standard deviation of the log volume.")
    private double volumeSigma;

    // --- producer tuning ---

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "lz4",
            description = "Producer compression: ${COMPLETION-CANDIDATES} (case-insensitive).")
    private CompressionType compression;

    @Option(names = "--linger-ms", paramLabel = "MS",
            description = "Producer linger.ms (default: 5, in load mode 20).")
    private Integer lingerMs;

    @Option(names = "--batch-size", paramLabel = "BYTES",
            description = "Producer batch.size (default: 16384, in load mode 262144).")
    private Integer batchSize;

    @Option(names = "--max-block", paramLabel = "DURATION", defaultValue = "60s",
            description = "Longest wait for Kafka metadata or buffer space (max.block.ms; also the timeout "
                    + "for reading the last id at start).")
    private Duration maxBlock;

    @Option(names = "--delivery-timeout", paramLabel = "DURATION", defaultValue = "120s",
            description = "Longest time a round may take to be acknowledged, retries included "
                    + "(delivery.timeout.ms).")
    private Duration deliveryTimeout;

    @Option(names = "--producer-property", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Extra Kafka producer setting (repeatable); overrides the ones above.")
    private Map<String, String> producerProperties = new LinkedHashMap<>();

    /** {@code stop} ends a run early (the CLI wires SIGINT/SIGTERM to it). */
    public GeneratorConfig(StopSignal stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() {
        validate();
        return new TickGenerator(this, spec.commandLine().getErr(), stop).run();
    }

    private void validate() {
        if (rate != null && interval != null) {
            throw usage("use either --rate or --interval, not both");
        }
        if (rate != null && !(rate >= 0 && Double.isFinite(rate))) {
            throw usage("--rate must be 0 or positive, got " + rate);
        }
        requirePositive("--interval", interval);
        requirePositive("--duration", duration);
        requirePositive("--progress-interval", progressInterval);
        requirePositive("--max-block", maxBlock);
        requirePositive("--delivery-timeout", deliveryTimeout);
        if (count != null && count < 1) {
            throw usage("--count must be at least 1, got " + count);
        }
        if (dbAttempts < 1) {
            throw usage("--db-attempts must be at least 1, got " + dbAttempts);
        }
        if (dbRetryBackoff.isNegative()) {
            throw usage("--db-retry-backoff must not be negative");
        }
        if (lingerMs != null && lingerMs < 0) {
            throw usage("--linger-ms must not be negative, got " + lingerMs);
        }
        if (batchSize != null && batchSize < 1) {
            throw usage("--batch-size must be positive, got " + batchSize);
        }
        try {
            marketModel();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        SettingDefaults.require(spec.commandLine(), Setting.MYSQL_GENERATOR_PASSWORD);
    }

    private void requirePositive(String option, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw usage(option + " must be positive, got " + value);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    // --- typed accessors ---

    public String bootstrapServers() {
        return connection.kafkaBootstrapServers();
    }

    public String topic() {
        return connection.kafkaTopic();
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

    public RetryPolicy dbRetry() {
        return new RetryPolicy(dbAttempts, dbRetryBackoff);
    }

    public boolean loadMode() {
        return rate != null;
    }

    /** Nanoseconds between rounds for {@code companies} companies; 0 means unpaced. */
    public long roundIntervalNanos(int companies) {
        if (!loadMode()) {
            return (interval != null ? interval : Duration.ofSeconds(5)).toNanos();
        }
        return rate == 0 ? 0 : Math.round(1e9 * companies / rate);
    }

    /** Rounds to produce, or empty for no limit. */
    public OptionalLong count() {
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /** Run time limit, or null for none. */
    public Duration duration() {
        return duration;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    /** Where to write the progress for programs; null for none. */
    public Path progressFile() {
        return progressFile;
    }

    /** The explicit seed, or null when a random one is to be used. */
    public Long seed() {
        return seed;
    }

    public MarketModel marketModel() {
        return new MarketModel(basePriceMin, basePriceMax, band, volatility, volumeMedian, volumeSigma);
    }

    public CompressionType compression() {
        return compression;
    }

    public int lingerMs() {
        return lingerMs != null ? lingerMs : loadMode() ? 20 : 5;
    }

    public int batchSize() {
        return batchSize != null ? batchSize : loadMode() ? 262_144 : 16_384;
    }

    public Duration maxBlock() {
        return maxBlock;
    }

    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    public Map<String, String> producerProperties() {
        return Map.copyOf(producerProperties);
    }
}
