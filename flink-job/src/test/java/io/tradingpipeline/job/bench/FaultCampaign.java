package io.tradingpipeline.job.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.contract.DurationConverter;
import io.tradingpipeline.contract.Setting;
import io.tradingpipeline.job.testsupport.FlinkJobs;
import io.tradingpipeline.job.testsupport.PipelineStores;
import io.tradingpipeline.job.testsupport.ProducedTicks;
import io.tradingpipeline.job.testsupport.StoreAssertions;
import io.tradingpipeline.localstack.LocalRun;
import io.tradingpipeline.localstack.LocalStack;
import io.tradingpipeline.localstack.TickGeneratorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;

/**
 * Faults on the real local stack, one per round, in random order and at random moments: the job's jar submitted
 * with {@code flink run}, the generator's jar sending a bounded number of ticks per round, one fault injected
 * while it sends and repaired, then the stores must hold exactly what was sent (read back from Kafka). Prints a
 * line per round and a summary; exits with 1 when a round failed. Run with the {@code fault-campaign} profile.
 */
public final class FaultCampaign {
    private static final Path JOB_JAR = Path.of("target", "flink-job.jar");
    private static final Path GENERATOR_JAR = Path.of("..", "tick-generator", "target", "tick-generator.jar");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** The campaign's knobs, from system properties. */
    record Settings(int rounds, long seed, int rate, long ticksPerRound, Duration mysqlOutage, List<FaultKind> kinds) {
        static Settings fromSystemProperties() {
            DurationConverter durations = new DurationConverter();
            return new Settings(Integer.getInteger("campaign.rounds", 20),
                    seed(System.getProperty("campaign.seed", "random")),
                    Integer.getInteger("campaign.rate", 2000),
                    Long.getLong("campaign.ticks", 30_000),
                    durations.convert(System.getProperty("campaign.mysqlOutage", "15s")),
                    FaultKind.parseList(System.getProperty("campaign.faults", "all")));
        }

        private static long seed(String value) {
            return value.isBlank() || value.equals("random") ? new Random().nextLong() : Long.parseLong(value);
        }

        Duration sendTime() {
            return Duration.ofMillis(ticksPerRound * 1000 / rate);
        }
    }

    private final Settings settings;
    private final Random random;
    private final LocalStack stack;
    private final PipelineStores stores;
    private final LocalRun run;
    private final Map<String, String> environment;
    private final int ticksPerGeneratorRound;

    private FaultCampaign(Settings settings, LocalStack stack, PipelineStores stores, LocalRun run,
                          Map<String, String> environment) throws SQLException {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.stack = stack;
        this.stores = stores;
        this.run = run;
        this.environment = environment;
        this.ticksPerGeneratorRound = companies(stack);
    }

    public static void main(String[] args) throws Exception {
        for (Path jar : List.of(JOB_JAR, GENERATOR_JAR)) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("fault-campaign: " + jar.toAbsolutePath().normalize() + " is missing; build with "
                        + "./mvnw -B -ntp install -DskipTests first");
                System.exit(2);
            }
        }
        Settings settings = Settings.fromSystemProperties();
        System.out.printf(Locale.ROOT, "%nfault campaign: %d rounds, seed %d, %,d ticks per round at %,d ticks/s, "
                        + "MySQL outages of %s, faults %s%n", settings.rounds(), settings.seed(),
                settings.ticksPerRound(), settings.rate(), RoundResult.seconds(settings.mysqlOutage()),
                settings.kinds());
        long started = System.nanoTime();
        CampaignSummary summary = run(settings);
        summary.lines().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "fault campaign took %.1f min (seed %d)%n", (System.nanoTime() - started) / 60e9,
                settings.seed());
        System.exit(summary.failures() == 0 ? 0 : 1);
    }

    private static CampaignSummary run(Settings settings) throws Exception {
        try (LocalStack stack = LocalStack.builder().withKafka().withCassandra().withMySql().withFlink().start();
             PipelineStores stores = new PipelineStores(stack)) {
            Map<String, String> environment = new HashMap<>(LocalRun.applicationEnvironment(stack));
            // Short windows and checkpoints, as in LocalRunIT: a round lands within seconds.
            environment.put(Setting.WINDOW_SIZE.name(), "2s");
            environment.put(Setting.CHECKPOINT_INTERVAL.name(), "1s");
            environment.put(Setting.CHECKPOINT_MIN_PAUSE.name(), "200ms");
            LocalRun run = LocalRun.start(stack, JOB_JAR, null, List.of(), environment);
            FlinkJobs.awaitRunningWithACheckpoint(stack.flink(), run.jobId());
            System.out.println("job " + run.jobId() + " running; stack in " + stack.dataDir());
            return new FaultCampaign(settings, stack, stores, run, environment).rounds();
        }
    }

    private CampaignSummary rounds() {
        List<RoundResult> results = new ArrayList<>();
        List<FaultKind> schedule = schedule();
        for (int round = 1; round <= settings.rounds(); round++) {
            RoundResult result = round(round, schedule.get(round - 1));
            results.add(result);
            System.out.println(result.line(settings.rounds()));
        }
        return new CampaignSummary(results);
    }

    /** Every kind once in a random order, again and again: a short campaign still sees most kinds. */
    private List<FaultKind> schedule() {
        List<FaultKind> schedule = new ArrayList<>();
        while (schedule.size() < settings.rounds()) {
            List<FaultKind> block = new ArrayList<>(settings.kinds());
            Collections.shuffle(block, random);
            schedule.addAll(block);
        }
        return schedule.subList(0, settings.rounds());
    }

    private RoundResult round(int round, FaultKind kind) {
        double moment = 0.1 + 0.6 * random.nextDouble();
        Duration faultAfter = Duration.ofMillis((long) (settings.sendTime().toMillis() * moment));
        Measured measured = new Measured();
        try {
            // A previous round's fault may still echo: start from a running job with a fresh checkpoint.
            RecoveryProbe.awaitTasksRunning(stack.flink(), run::jobId, System.currentTimeMillis(), STEP_TIMEOUT);
            stores.truncateAll();
            String bootstrap = stack.kafka().bootstrapServers();
            Map<TopicPartition, Long> from = ProducedTicks.endOffsets(bootstrap, LocalStack.TRADING_DATA_TOPIC);
            try (TickGeneratorProcess generator = TickGeneratorProcess.start(GENERATOR_JAR, generatorArguments(),
                    environment, stack.dataDir(), stack.dataDir().resolve("tick-generator-round-" + round + ".log"))) {
                awaitFirstSend(bootstrap, from);
                Thread.sleep(faultAfter.toMillis());
                long killedAt = System.currentTimeMillis();
                kind.injectAndRepair(stack, run, settings.mysqlOutage());
                long repairedAt = System.currentTimeMillis();
                measured.tasksRunning = Duration.ofMillis(
                        RecoveryProbe.awaitTasksRunning(stack.flink(), run::jobId, repairedAt, STEP_TIMEOUT) - killedAt);
                assertThat(generator.awaitExit(STEP_TIMEOUT)).as("generator exit code, log " + generator.logFile())
                        .isZero();
                ProducedTicks produced = ProducedTicks.readFrom(bootstrap, LocalStack.TRADING_DATA_TOPIC, from);
                measured.ticks = produced.tickCount();
                measured.caughtUp = Duration.ofMillis(
                        RecoveryProbe.awaitCaughtUp(stores, produced.tickCount(), STEP_TIMEOUT) - killedAt);
                checkExactlyOnce(produced);
            }
            return measured.result(round, kind, faultAfter, null);
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return measured.result(round, kind, faultAfter, describe(failure));
        }
    }

    private void checkExactlyOnce(ProducedTicks produced) throws InterruptedException {
        assertThat(produced.tickCount()).as("ticks the generator sent").isEqualTo(generatorRounds() * ticksPerGeneratorRound);
        assertThat(produced.duplicateIds()).as("ids sent twice").isZero();
        StoreAssertions.awaitAllTicks(stores, produced, STEP_TIMEOUT);
        StoreAssertions.assertStoresHoldExactly(stores, produced);
        assertThat(stores.preparedXaTransactions()).as("prepared XA transactions (XA RECOVER)").isEmpty();
        assertThat(stack.flink().jobState(run.jobId())).as("job state").isEqualTo("RUNNING");
    }

    private List<String> generatorArguments() {
        return List.of("--rate", Integer.toString(settings.rate()), "--count", Long.toString(generatorRounds()),
                "--progress-interval", "5s");
    }

    /** The generator's rounds (one message of a tick per company each) for about {@code campaign.ticks}. */
    private long generatorRounds() {
        return Math.max(1, settings.ticksPerRound() / ticksPerGeneratorRound);
    }

    /** The fault strikes while the generator sends: wait for its first message rather than its JVM's start. */
    private static void awaitFirstSend(String bootstrap, Map<TopicPartition, Long> from) throws InterruptedException {
        long before = from.values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (ProducedTicks.endOffsets(bootstrap, LocalStack.TRADING_DATA_TOPIC).values().stream()
                .mapToLong(Long::longValue).sum() == before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the generator sent nothing within a minute");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Companies in MySQL's profile table: ticks per generator round. */
    private static int companies(LocalStack stack) throws SQLException {
        try (Connection connection = stack.mysql().connect(stack.mysql().root());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM profile")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "…";
    }

    /** What a round measured so far; a failed round keeps the figures it reached. */
    private static final class Measured {
        private long ticks;
        private Duration tasksRunning;
        private Duration caughtUp;

        RoundResult result(int round, FaultKind kind, Duration faultAfter, String failure) {
            return new RoundResult(round, kind, faultAfter, ticks, tasksRunning, caughtUp, failure);
        }
    }
}
