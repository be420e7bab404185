package io.tradingpipeline.job.bench;

import io.tradingpipeline.contract.DurationConverter;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.job.WindowTime;
import io.tradingpipeline.job.testsupport.Await;
import io.tradingpipeline.job.testsupport.FlinkJobs;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.ProducedTicks;
import io.tradingpipeline.localstack.LocalRun;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.MySqlServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.TypeConversionException;

/**
 * End-to-end load benchmark: a local stack (Kafka, Cassandra, MariaDB, Flink session cluster; no Superset), the
 * job's jar submitted with {@code flink run} at parallelism = task slots, and the generator's jar in load mode
 * at each rate of a list for a fixed time. Per rate: offered and landed ticks/s, tick → Cassandra latency
 * (WRITETIME against the Kafka record timestamp the generator's producer set at send), window end → row visible
 * in MySQL, the backlog trend (sent but not yet in Cassandra, per second) and exactness (Cassandra holds exactly
 * the step's ids; MySQL sums equal the produced ones). Also the store's ceiling: the same number of rows as the
 * largest step written by a bare asynchronous loader ({@link CassandraLoader}), and the CPU of every process
 * during the highest sustained rate.
 *
 * <p>Run: {@code ./mvnw -B -ntp -Pe2e-benchmark -pl flink-job -am verify -DskipTests -DskipITs
 * [-De2e.rates=2000,5000,10000,20000,30000,40000,50000] [-De2e.duration=30s] [-De2e.loaderInFlight=1024]}; with
 * {@code -De2e.loaderOnly=true} only the loader runs (for tuning Cassandra's settings).
 */
public final class EndToEndBenchmark {
    private static final Path JOB_JAR = Path.of("target", "flink-job.jar");
    private static final Path GENERATOR_JAR = Path.of("..", "tick-generator", "target", "tick-generator.jar");
    /** Task slots of the one TaskManager: the job's parallelism, and the loader's connections. */
    private static final int TASK_SLOTS = LocalStack.FLINK_TASK_SLOTS;
    private static final Duration WINDOW_SIZE = Duration.ofSeconds(10);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    /**
     * In event time, how much longer than its measured time a step sends, so that its ticks' own watermark closes
     * the windows of the measured time: one window, the out-of-orderness and the skew between partitions (the
     * producer fills one partition at a time: at 2,000 ticks/s each of the 4 gets a batch every 3.4 s).
     */
    private static final Duration EVENT_TIME_CLOSING = WINDOW_SIZE.plus(MAX_OUT_OF_ORDERNESS)
            .plusSeconds(4);
    private static final double SUSTAINED_LANDED_FRACTION = 0.95;
    /** The backlog grows when it rises by more than this fraction of the rate per second. */
    private static final double GROWING_BACKLOG_FRACTION = 0.05;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(15);
    private static final Duration MAX_WARM_UP = Duration.ofMinutes(3);

    private EndToEndBenchmark() {}

    /** What to run, from system properties; a wrong value is a {@link IllegalArgumentException} saying why. */
    record Settings(List<Integer> rates, Duration duration, int loaderInFlight, boolean loaderOnly,
                    List<WindowTime> windowTimes) {
        static Settings from(Properties properties) {
            List<Integer> rates = new ArrayList<>();
            String rateList = properties.getProperty("e2e.rates", "2000,5000,10000,20000,30000,40000,50000");
            for (String rate : rateList.split(",")) {
                rates.add(positive("e2e.rates", rate.trim(), "a comma-separated list of ticks/s, e.g. 2000,5000,10000"));
            }
            String durationText = properties.getProperty("e2e.duration", "30s").trim();
            Duration time;
            try {
                time = new DurationConverter().convert(durationText);
            } catch (TypeConversionException e) {
                throw new IllegalArgumentException("e2e.duration: " + e.getMessage());
            }
            if (time.compareTo(Duration.ofSeconds(5)) < 0) {
                throw new IllegalArgumentException("e2e.duration must be at least 5s, not " + durationText);
            }
            int inFlight = positive("e2e.loaderInFlight", properties.getProperty("e2e.loaderInFlight", "1024").trim(),
                    "the loader's requests in flight, e.g. 1024");
            String loaderOnly = properties.getProperty("e2e.loaderOnly", "false").trim();
            if (!loaderOnly.equals("true") && !loaderOnly.equals("false")) {
                throw new IllegalArgumentException("e2e.loaderOnly must be true or false, not '" + loaderOnly + "'");
            }
            List<WindowTime> windowTimes = new ArrayList<>();
            for (String mode : properties.getProperty("e2e.windowTimes", "processing,event").split(",")) {
                try {
                    windowTimes.add(new WindowTime.Converter().convert(mode));
                } catch (TypeConversionException e) {
                    throw new IllegalArgumentException("e2e.windowTimes: " + e.getMessage());
                }
            }
            return new Settings(List.copyOf(rates), time, inFlight, Boolean.parseBoolean(loaderOnly),
                    List.copyOf(windowTimes));
        }

        private static int positive(String property, String value, String what) {
            try {
                int number = Integer.parseInt(value.replace("_", ""));
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(property + " must be " + what + " (positive integers), not '" + value + "'");
        }

        /** The largest step's ticks: the loader writes as many rows. */
        int largestStepTicks() {
            long ticks = rates.stream().mapToLong(Integer::longValue).max().orElseThrow() * duration.toMillis() / 1000;
            return (int) Math.min(ticks, 5_000_000);
        }
    }

    /** The outcome of one rate. Latencies and visibility in ms; -1 where nothing was measured. */
    record Step(WindowTime windowTime, int rate, long produced, long landed, double offeredPerSecond, double landedPerSecond, long p50,
                long p90, long p99, long max, long mysqlVisible, int windows, double backlogSlope, long backlogAtEnd,
                boolean exact, String mismatch, Map<String, Double> cpuCores) {

        boolean growing() {
            return backlogSlope > GROWING_BACKLOG_FRACTION * rate;
        }

        boolean sustained() {
            return exact && landed == produced && landedPerSecond >= SUSTAINED_LANDED_FRACTION * offeredPerSecond
                    && !growing();
        }

        String machineLine() {
            return String.format(Locale.ROOT, "E2E window_time=%s rate=%d offered=%.0f landed=%.0f p50_ms=%d p90_ms=%d p99_ms=%d "
                            + "max_ms=%d mysql_visible_ms=%d lag=%s lag_slope_per_s=%.0f sustained=%s exact=%s",
                    windowTime, rate, offeredPerSecond, landedPerSecond, p50, p90, p99, max, mysqlVisible,
                    growing() ? "growing" : "steady", backlogSlope, sustained(), exact);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("e2e-benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        for (Path jar : List.of(JOB_JAR, GENERATOR_JAR)) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("e2e-benchmark: " + jar.toAbsolutePath().normalize() + " is missing; run the "
                        + "benchmark with -pl flink-job -am so that Maven builds it");
                System.exit(2);
            }
        }
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "%nE2E benchmark: %s-time windows; rates %s ticks/s, %d s each; window %s, "
                        + "checkpoint every %d s; parallelism %d; %d cores, load average %s%n",
                settings.windowTimes().stream().map(WindowTime::cliName).collect(Collectors.joining(" and ")),
                settings.rates(), settings.duration().toSeconds(), DurationConverter.format(WINDOW_SIZE),
                CHECKPOINT_INTERVAL.toSeconds(), TASK_SLOTS, Runtime.getRuntime().availableProcessors(), loadAverage());
        int exitCode = run(settings);
        System.out.printf(Locale.ROOT, "E2E benchmark took %.1f min; load average now %s%n",
                (System.nanoTime() - started) / 60e9, loadAverage());
        System.exit(exitCode);
    }

    private static int run(Settings settings) throws Exception {
        try (LocalStack stack = LocalStack.builder().withKafka().withCassandra().withMySql().withFlink()
                .start();
             PipelineStores stores = new PipelineStores(stack)) {
            CassandraLoader.Result loader;
            try (var session = CassandraLoader.session(stack.cassandra(), TASK_SLOTS)) {
                loader = CassandraLoader.run(session, settings.largestStepTicks(), settings.loaderInFlight(),
                        Map.of("client", ProcessHandle.current().pid(), "cassandra", stack.cassandra().pid()));
            }
            System.out.printf(Locale.ROOT, "loader: %,d rows, %,.0f rows/s%n", settings.largestStepTicks(),
                    loader.rowsPerSecond());
            if (settings.loaderOnly()) {
                System.out.println(loaderLine(settings, loader));
                return 0;
            }

            Map<WindowTime, List<Step>> stepsByMode = new LinkedHashMap<>();
            for (WindowTime mode : settings.windowTimes()) {
                System.out.printf(Locale.ROOT, "%n=== %s-time windows%n", mode);
                Map<String, String> environment = new HashMap<>(LocalRun.applicationEnvironment(stack));
                environment.put(Setting.WINDOW_TIME.name(), mode.cliName());
                environment.put(Setting.WINDOW_SIZE.name(), DurationConverter.format(WINDOW_SIZE));
                environment.put(Setting.MAX_OUT_OF_ORDERNESS.name(), DurationConverter.format(MAX_OUT_OF_ORDERNESS));
                environment.put(Setting.CHECKPOINT_INTERVAL.name(), DurationConverter.format(CHECKPOINT_INTERVAL));
                environment.put(Setting.CHECKPOINT_MIN_PAUSE.name(), "1s");
                // Each mode starts without state; its source resumes at the offsets the previous job committed.
                String jobId = stack.flink().run(JOB_JAR, null, List.of(), environment);
                FlinkJobs.awaitRunningWithACheckpoint(stack.flink(), jobId);

                warmUp(stack, stores, environment, mode, settings.rates().get(0));
                List<Step> steps = new ArrayList<>();
                for (int rate : settings.rates()) {
                    Step step = runStep(stack, stores, environment, mode, rate, settings.duration());
                    steps.add(step);
                    System.out.println(step.machineLine() + (step.exact() ? "" : "  (" + step.mismatch() + ")"));
                    if (!step.sustained()) {
                        break;
                    }
                }
                stack.flink().stopWithSavepoint(jobId);
                stepsByMode.put(mode, steps);
                report(settings, mode, steps, loader);
                Path plot = Path.of("target", "e2e-latency-" + mode.cliName() + ".png").toAbsolutePath();
                LatencyPlot.write(steps, plot);
                System.out.println("PLOT " + plot);
            }
            compareModes(stepsByMode);
            return 0;
        }
    }

    /**
     * Not measured: JIT, connection pools, Cassandra's memtables and the first checkpoints and windows. Steps at the
     * first rate repeat until one is sustained with a steady backlog (the same definition as a measured step), so a
     * slower host warms up longer instead of failing the first measured step; at most {@link #MAX_WARM_UP}.
     */
    private static void warmUp(LocalStack stack, PipelineStores stores, Map<String, String> environment,
                               WindowTime mode, int rate) throws Exception {
        long started = System.nanoTime();
        for (int round = 1; ; round++) {
            System.out.printf(Locale.ROOT, "--- warm-up %d (not measured)%n", round);
            Step step = runStep(stack, stores, environment, mode, rate, WARM_UP_STEP);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (step.sustained() || elapsed.compareTo(MAX_WARM_UP) >= 0) {
                System.out.printf(Locale.ROOT, "warm-up: %s after %d steps, %d s (p99 %d ms, backlog %+,.0f/s)%n",
                        step.sustained() ? "steady" : "still not steady, measuring anyway", round,
                        elapsed.toSeconds(), step.p99(), step.backlogSlope());
                return;
            }
        }
    }

    /** The generator's command line, apart from connection settings (they come from the environment). */
    private static List<String> generatorArguments(int rate, Duration duration) {
        return List.of("--rate", Integer.toString(rate), "--duration", DurationConverter.format(duration),
                "--progress-interval", "5s");
    }

    private static Step runStep(LocalStack stack, PipelineStores stores, Map<String, String> environment,
                                WindowTime mode, int rate, Duration measured) throws Exception {
        Duration duration = measured;
        if (mode == WindowTime.EVENT) {
            duration = measured.plus(EVENT_TIME_CLOSING);
            // The open windows of the step before close with this step's first ticks, in windows before its own.
            Thread.sleep(ClosedWindows.untilNextWindow(Instant.now(), WINDOW_SIZE).toMillis());
        }
        System.out.printf(Locale.ROOT, "--- %,d ticks/s for %d s%n", rate, duration.toSeconds());
        stores.truncateAll();
        String bootstrap = stack.kafka().bootstrapServers();
        Map<TopicPartition, Long> from = ProducedTicks.endOffsets(bootstrap, LocalStack.TRADING_DATA_TOPIC);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        try (WindowVisibility visibility = new WindowVisibility(stack.mysql())) {
            poller.scheduleWithFixedDelay(visibility::poll, 0, 200, TimeUnit.MILLISECONDS);

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", GENERATOR_JAR.toAbsolutePath().toString()));
            command.addAll(generatorArguments(rate, duration));
            Path log = stack.dataDir().resolve("tick-generator-" + rate + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process generator = builder.start();
            Map<String, Long> pids = pids(stack, generator.pid());
            long startedAt = System.nanoTime();
            ProcessCpu.Snapshot first = null;
            ProcessCpu.Snapshot last = null;
            while (!generator.waitFor(1, TimeUnit.SECONDS)) {
                ProcessCpu.Snapshot now = ProcessCpu.Snapshot.of(pids);
                if (first == null && System.nanoTime() - startedAt > WARM_UP.toNanos()) {
                    first = now;
                } else if (first != null) {
                    last = now;
                }
                if (System.nanoTime() - startedAt > duration.plusMinutes(2).toNanos()) {
                    generator.destroy();
                }
            }
            if (generator.exitValue() != 0) {
                throw new IllegalStateException("the generator exited with code " + generator.exitValue() + ":\n"
                        + String.join("\n", tail(log, 20)));
            }
            ProducedTicks produced = ProducedTicks.readFrom(bootstrap, LocalStack.TRADING_DATA_TOPIC, from);
            ClosedWindows closed = mode == WindowTime.EVENT
                    ? ClosedWindows.of(produced, ClosedWindows.watermark(produced.newestCreatedAtByPartition(),
                            MAX_OUT_OF_ORDERNESS), WINDOW_SIZE) : null;
            long n = closed == null ? produced.tickCount() : closed.expectedTicks();
            try {
                Await.until("the step's ticks in MySQL", duration.multipliedBy(3).plusMinutes(1), () -> closed == null
                        ? stores.aggregatedTickCount() >= n && stores.tickerStatsTickCount() >= n
                        : closed.actualTicks(stores) >= n);
            } catch (AssertionError timedOut) {
                System.out.println(timedOut.getMessage());
            }
            Thread.sleep(CHECKPOINT_INTERVAL.plusSeconds(2).toMillis());
            poller.shutdownNow();
            Map<Long, Long> writeTimes = stores.cassandraWriteTimes();
            return measure(mode, rate, produced, closed, writeTimes, stores, visibility,
                    first != null && last != null ? last.coresSince(first) : Map.of());
        } finally {
            poller.shutdownNow();
        }
    }

    /**
     * @param closed in event time, the windows the step's ticks closed, checked one by one; in processing time
     *               {@code null}: every window of the tables, checked as sums
     */
    private static Step measure(WindowTime mode, int rate, ProducedTicks produced, ClosedWindows closed,
                                Map<Long, Long> writeTimesMicros, PipelineStores stores, WindowVisibility visibility,
                                Map<String, Double> cpu) {
        Map<Long, Long> sent = produced.sendTimesById();
        long[] sendMillis = sent.values().stream().mapToLong(Long::longValue).sorted().toArray();
        List<Long> latencies = new ArrayList<>();
        long[] landedMillis = new long[sent.size()];
        int landed = 0;
        for (Map.Entry<Long, Long> tick : sent.entrySet()) {
            Long written = writeTimesMicros.get(tick.getKey());
            if (written != null) {
                landedMillis[landed++] = written / 1000;
                latencies.add(written / 1000 - tick.getValue());
            }
        }
        landedMillis = Arrays.copyOf(landedMillis, landed);
        Arrays.sort(landedMillis);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();

        long n = produced.tickCount();
        long ticksPerMessage = Math.max(1, n / Math.max(1, produced.messages()));
        long firstSend = sendMillis[0];
        double sendSpan = Math.max(1, sendMillis[sendMillis.length - 1] - firstSend) / 1000.0;
        double offered = (n - ticksPerMessage) / sendSpan;
        double landedPerSecond = landed == 0 ? 0
                : (landed - ticksPerMessage) / (Math.max(1, landedMillis[landed - 1] - firstSend) / 1000.0);

        // Backlog: sent but not yet in Cassandra, once a second while the generator sent.
        List<double[]> backlog = new ArrayList<>();
        for (long t = firstSend + WARM_UP.toMillis(); t <= sendMillis[sendMillis.length - 1]; t += 1000) {
            backlog.add(new double[] {(t - firstSend) / 1000.0, countAtMost(sendMillis, t) - countAtMost(landedMillis, t)});
        }
        long backlogAtEnd = backlog.isEmpty() ? 0 : (long) backlog.get(backlog.size() - 1)[1];

        List<String> mismatches = new ArrayList<>();
        if (produced.duplicateIds() > 0) {
            mismatches.add(produced.duplicateIds() + " ids sent twice");
        }
        if (landed != n || writeTimesMicros.size() != n) {
            mismatches.add("Cassandra holds " + writeTimesMicros.size() + " rows, " + landed + " of the " + n
                    + " ids sent");
        }
        long aggregatedTicks = stores.aggregatedTickCount();
        long aggregatedVolume = stores.aggregatedVolume();
        long tickerTicks = stores.tickerStatsTickCount();
        if (closed != null) {
            mismatches.addAll(closed.mismatches(stores));
        } else if (aggregatedTicks != n || tickerTicks != n || aggregatedVolume != produced.totalVolume()) {
            mismatches.add(String.format(Locale.ROOT, "MySQL SUM(tick_count) %d / %d (ticker_window_stats), "
                            + "SUM(total_volume) %d; sent %d ticks, volume %d", aggregatedTicks, tickerTicks,
                    aggregatedVolume, n, produced.totalVolume()));
        }
        Predicate<Instant> measuredWindow = closed == null ? windowEnd -> true : closed::contains;
        return new Step(mode, rate, n, landed, offered, landedPerSecond, percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                visibility.maxVisibleMillis(measuredWindow), visibility.windows(measuredWindow), slope(backlog), backlogAtEnd,
                mismatches.isEmpty(), String.join("; ", mismatches), cpu);
    }

    private static void report(Settings settings, WindowTime mode, List<Step> steps, CassandraLoader.Result loader) {
        double loaderRowsPerSecond = loader.rowsPerSecond();
        System.out.printf(Locale.ROOT, "%n%s-time windows:%n", mode);
        System.out.printf(Locale.ROOT, "%9s %10s %10s %7s %7s %7s %7s %13s %14s %6s %9s%n", "rate/s", "offered/s",
                "landed/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "MySQL vis. ms", "backlog", "exact", "sustained");
        for (Step step : steps) {
            System.out.printf(Locale.ROOT, "%,9d %,10.0f %,10.0f %7d %7d %7d %7d %13d %14s %6s %9s%n", step.rate(),
                    step.offeredPerSecond(), step.landedPerSecond(), step.p50(), step.p90(), step.p99(), step.max(),
                    step.mysqlVisible(), (step.growing() ? "growing " : "steady ") + String.format(Locale.ROOT, "%+,.0f/s",
                            step.backlogSlope()), step.exact() ? "yes" : "NO", step.sustained() ? "yes" : "NO");
        }
        for (int skipped = steps.size(); skipped < settings.rates().size(); skipped++) {
            System.out.printf(Locale.ROOT, "%,9d   skipped: a lower rate was not sustained%n",
                    settings.rates().get(skipped));
        }
        System.out.println("latency: Cassandra WRITETIME - the tick's Kafka record timestamp (set by the generator's "
                + "producer at send; created_at has whole seconds only). MySQL vis.: for the slowest window, its first sight in "
                + "aggregated_data (polled every 200 ms) - its window_end. backlog: sent but not in Cassandra, per "
                + "second; growing when it rises by more than " + (int) (GROWING_BACKLOG_FRACTION * 100) + " % of the rate "
                + "per second. sustained: exact, landed >= " + SUSTAINED_LANDED_FRACTION + " x offered, backlog steady.");
        System.out.println();
        steps.forEach(step -> System.out.println(step.machineLine()));
        System.out.println(loaderLine(settings, loader));
        Step best = steps.stream().filter(Step::sustained).reduce((a, b) -> b).orElse(null);
        if (best == null) {
            System.out.println("RATIO window_time=" + mode + " highest_sustained=none (no rate was sustained)");
        } else {
            double ratio = best.landedPerSecond() / loaderRowsPerSecond;
            System.out.printf(Locale.ROOT, "RATIO window_time=%s highest_sustained_rate=%d landed_per_s=%.0f "
                    + "loader_rows_per_s=%.0f ratio=%.2f target=0.85 met=%s%n", mode, best.rate(), best.landedPerSecond(), loaderRowsPerSecond,
                    ratio, ratio >= 0.85);
            StringBuilder cpu = new StringBuilder("CPU window_time=" + mode + " rate=" + best.rate() + " cores_used:");
            best.cpuCores().forEach((name, cores) -> cpu.append(String.format(Locale.ROOT, " %s=%.2f", name, cores)));
            cpu.append(String.format(Locale.ROOT, " total=%.2f of %d; per tick: taskmanager_us=%.1f cassandra_us=%.1f",
                    best.cpuCores().values().stream().mapToDouble(Double::doubleValue).sum(),
                    Runtime.getRuntime().availableProcessors(),
                    microsPerRow(best.cpuCores().get("taskmanager"), best.landedPerSecond()),
                    microsPerRow(best.cpuCores().get("cassandra"), best.landedPerSecond())));
            System.out.println(cpu);
        }
        long visibleTarget = visibilityTarget(mode).toMillis();
        steps.stream().filter(step -> step.rate() == 10_000).findFirst().ifPresent(step -> System.out.printf(
                Locale.ROOT, "TARGETS window_time=%s rate=10000 p99_ms=%d (target <= 250: %s) mysql_visible_ms=%d "
                        + "after window end (target <= %s = %d: %s)%n", mode, step.p99(),
                step.p99() >= 0 && step.p99() <= 250, step.mysqlVisible(), mode == WindowTime.EVENT
                        ? "out-of-orderness + 1 s (created_at has whole seconds) + checkpoint interval + 2 s"
                        : "checkpoint interval + 2 s", visibleTarget,
                step.mysqlVisible() >= 0 && step.mysqlVisible() <= visibleTarget));
    }

    /**
     * How soon after its end a window should be visible in MySQL: its rows commit with the next checkpoint; in event
     * time the window also waits for the watermark, which trails the newest {@code created_at} by the
     * out-of-orderness.
     */
    private static Duration visibilityTarget(WindowTime mode) {
        Duration target = CHECKPOINT_INTERVAL.plusSeconds(2);
        return mode == WindowTime.EVENT ? target.plus(MAX_OUT_OF_ORDERNESS).plusSeconds(1) : target;
    }

    /** Event time against processing time, at every rate both measured: one line per rate, then the highest. */
    private static void compareModes(Map<WindowTime, List<Step>> stepsByMode) {
        List<Step> processing = stepsByMode.get(WindowTime.PROCESSING);
        List<Step> event = stepsByMode.get(WindowTime.EVENT);
        if (processing == null || event == null) {
            return;
        }
        System.out.println();
        for (Step eventStep : event) {
            processing.stream().filter(step -> step.rate() == eventStep.rate()).findFirst().ifPresent(step ->
                    System.out.printf(Locale.ROOT, "MODES rate=%d landed_per_s processing=%.0f event=%.0f ratio=%.2f; "
                                    + "p99_ms processing=%d event=%d; mysql_visible_ms processing=%d event=%d; "
                                    + "sustained processing=%s event=%s%n", step.rate(), step.landedPerSecond(),
                            eventStep.landedPerSecond(), eventStep.landedPerSecond() / step.landedPerSecond(),
                            step.p99(), eventStep.p99(), step.mysqlVisible(), eventStep.mysqlVisible(),
                            step.sustained(), eventStep.sustained()));
        }
        int processingBest = highestSustainedRate(processing);
        int eventBest = highestSustainedRate(event);
        System.out.printf(Locale.ROOT, "MODES highest_sustained_rate processing=%d event=%d ratio=%.2f%n",
                processingBest, eventBest, processingBest == 0 ? 0 : (double) eventBest / processingBest);
    }

    private static int highestSustainedRate(List<Step> steps) {
        return steps.stream().filter(Step::sustained).mapToInt(Step::rate).max().orElse(0);
    }

    private static String loaderLine(Settings settings, CassandraLoader.Result loader) {
        return String.format(Locale.ROOT, "LOADER rows=%d connections=%d in_flight=%d rows_per_s=%.0f "
                        + "client_us_per_row=%.1f cassandra_us_per_row=%.1f", settings.largestStepTicks(), TASK_SLOTS,
                settings.loaderInFlight(),
                loader.rowsPerSecond(), microsPerRow(loader.cores().get("client"), loader.rowsPerSecond()),
                microsPerRow(loader.cores().get("cassandra"), loader.rowsPerSecond()));
    }

    /** CPU microseconds per row from cores used at a rate; -1 when unknown. */
    private static double microsPerRow(Double cores, double rowsPerSecond) {
        return cores == null || rowsPerSecond <= 0 ? -1 : cores * 1e6 / rowsPerSecond;
    }

    /** Server and generator processes by name, for their CPU share. */
    private static Map<String, Long> pids(LocalStack stack, long generatorPid) {
        Map<String, Long> pids = new LinkedHashMap<>();
        List<Long> taskManagers = stack.flink().taskManagerPids();
        for (int i = 0; i < taskManagers.size(); i++) {
            pids.put(taskManagers.size() == 1 ? "taskmanager" : "taskmanager" + (i + 1), taskManagers.get(i));
        }
        pids.put("jobmanager", stack.flink().jobManagerPid());
        pids.put("kafka", stack.kafka().pid());
        pids.put("cassandra", stack.cassandra().pid());
        pids.put("mariadb", stack.mysql().pid());
        pids.put("generator", generatorPid);
        pids.put("benchmark", ProcessHandle.current().pid());
        return pids;
    }

    /** How many of the sorted values are at most {@code value}. */
    private static long countAtMost(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Least-squares slope of y over x. */
    private static double slope(List<double[]> points) {
        if (points.size() < 3) {
            return 0;
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        return covariance / variance;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    /** When each window of aggregated_data first became visible (polled). */
    private static final class WindowVisibility implements AutoCloseable {
        private final Connection connection;
        private final Map<Long, Long> firstSeenByWindowEnd = new ConcurrentHashMap<>();

        WindowVisibility(MySqlServer mysql) throws SQLException {
            connection = mysql.connect(mysql.root());
        }

        void poll() {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT DISTINCT CAST(window_end AS CHAR) FROM aggregated_data")) {
                long now = System.currentTimeMillis();
                while (rows.next()) {
                    long end = Timestamp.valueOf(rows.getString(1)).toLocalDateTime().toInstant(ZoneOffset.UTC)
                            .toEpochMilli();
                    firstSeenByWindowEnd.putIfAbsent(end, now);
                }
            } catch (SQLException | RuntimeException e) {
                // The next poll tries again.
            }
        }

        long maxVisibleMillis(Predicate<Instant> windowEnds) {
            return firstSeenByWindowEnd.entrySet().stream()
                    .filter(e -> windowEnds.test(Instant.ofEpochMilli(e.getKey())))
                    .mapToLong(e -> e.getValue() - e.getKey()).max().orElse(-1);
        }

        int windows(Predicate<Instant> windowEnds) {
            return (int) firstSeenByWindowEnd.keySet().stream().filter(end -> windowEnds.test(Instant.ofEpochMilli(end)))
                    .count();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
