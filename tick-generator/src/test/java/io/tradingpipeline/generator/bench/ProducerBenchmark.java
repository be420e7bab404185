package io.tradingpipeline.generator.bench;

import io.tradingpipeline.contract.ConnectionOptions;
import io.tradingpipeline.contract.SettingDefaults;
import io.tradingpipeline.generator.StopSignal;
import io.tradingpipeline.generator.TickGeneratorCli;
import io.tradingpipeline.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Producer throughput of the generator at its maximum rate, next to Kafka's own
 * {@code org.apache.kafka.tools.ProducerPerformance} sending the same payloads (real rounds written by the
 * generator) with the same producer settings to the same broker. Not a test: it prints numbers.
 *
 * <p>Run: {@code ./mvnw -B -pl tick-generator -Pbenchmark verify} (starts a local stack), or against running
 * servers: {@code -Dbenchmark.args="--running-servers --kafka-bootstrap-servers=HOST:9092
 * --mysql-url=jdbc:mysql://HOST:3306/trading"}.
 */
@Command(name = "producer-benchmark", mixinStandardHelpOptions = true, showDefaultValues = true)
public final class ProducerBenchmark implements Callable<Integer> {

    private static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";
    private static final String KAFKA_CLASSPATH_RESOURCE = "localstack/kafka-server.classpath";
    private static final Pattern GENERATOR_SUMMARY = Pattern.compile(
            "summary: ([\\d,]+) rounds sent \\(([\\d,]+) ticks.*?failed in ([\\d.]+) s: ([\\d,]+) ticks/s, "
                    + "([\\d,]+) rounds/s, ([\\d.]+) MB/s \\(([\\d.]+) MB of JSON, ([\\d,]+) B/round\\)");
    private static final Pattern TOOL_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    @Option(names = "--running-servers",
            description = "Use the servers of the connection options instead of starting a local stack.")
    private boolean runningServers;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--mysql-generator-user")
    private String mysqlUser;

    @Option(names = "--mysql-generator-password", showDefaultValue = CommandLine.Help.Visibility.NEVER)
    private String mysqlPassword;

    @Option(names = "--seconds", defaultValue = "15", description = "How long the generator runs.")
    private int seconds;

    @Option(names = "--compression", defaultValue = "lz4", description = "Compression of both producers.")
    private String compression;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProducerBenchmark()).setDefaultValueProvider(new SettingDefaults())
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (runningServers) {
            return run(connection.kafkaBootstrapServers(), connection.mysqlUrl(), mysqlUser, mysqlPassword);
        }
        try (LocalStack stack = LocalStack.start()) {
            var generator = stack.mysql().generator();
            return run(stack.kafka().bootstrapServers(), stack.mysql().jdbcUrl(), generator.user(), generator.password());
        }
    }

    private int run(String bootstrap, String url, String user, String password) throws Exception {
        String suffix = Long.toString(System.currentTimeMillis());
        String generatorTopic = "bench_generator_" + suffix;
        String toolTopic = "bench_producer_performance_" + suffix;
        createTopics(bootstrap, generatorTopic, toolTopic);

        System.out.printf("== tick-generator, max rate, %d s, compression %s ==%n", seconds, compression);
        String summary = runGenerator(bootstrap, url, user, password, generatorTopic);
        Matcher generator = GENERATOR_SUMMARY.matcher(summary);
        if (!generator.find()) {
            throw new IllegalStateException("no generator summary in:\n" + summary);
        }
        long rounds = number(generator.group(1));
        long ticksPerRound = rounds == 0 ? 0 : number(generator.group(2)) / rounds;
        double generatorSeconds = Double.parseDouble(generator.group(3));
        double ticksPerSecond = number(generator.group(4));
        double roundsPerSecond = number(generator.group(5));
        double generatorMbPerSecond = Double.parseDouble(generator.group(6));
        long bytesPerRound = number(generator.group(8));

        Path payloads = writePayloadSample(bootstrap, generatorTopic, 2_000);
        System.out.printf("%n== %s, same payloads (%s), %,d records ==%n", PRODUCER_PERFORMANCE, payloads, rounds);
        Matcher tool = TOOL_SUMMARY.matcher(runProducerPerformance(bootstrap, toolTopic, payloads, rounds));
        double toolRecordsPerSecond = 0;
        double toolMbPerSecond = 0;
        while (tool.find()) {
            toolRecordsPerSecond = Double.parseDouble(tool.group(2));
            toolMbPerSecond = Double.parseDouble(tool.group(3));
        }
        Files.deleteIfExists(payloads);

        System.out.println();
        System.out.printf("== Result (one record = one round of %d ticks, ~%d B of JSON) ==%n", ticksPerRound,
                bytesPerRound);
        System.out.printf(Locale.ROOT, "tick-generator      : %,10.0f records/s  %8.2f MB/s  (%,.0f ticks/s, %,d records in %.1f s)%n",
                roundsPerSecond, generatorMbPerSecond, ticksPerSecond, rounds, generatorSeconds);
        System.out.printf(Locale.ROOT, "ProducerPerformance : %,10.0f records/s  %8.2f MB/s%n",
                toolRecordsPerSecond, toolMbPerSecond);
        System.out.printf(Locale.ROOT, "ratio generator/raw : %10.2f (records/s)%n",
                toolRecordsPerSecond == 0 ? Double.NaN : roundsPerSecond / toolRecordsPerSecond);
        System.out.println("(MB/s: both count uncompressed record values; both send the same JSON rounds with the same"
                + " producer settings to the same broker.)");
        return 0;
    }

    private String runGenerator(String bootstrap, String url, String user, String password, String topic) {
        TeeWriter console = new TeeWriter();
        PrintWriter tee = new PrintWriter(console, true);
        int exit = TickGeneratorCli.execute(new String[] {
            "--kafka-bootstrap-servers=" + bootstrap, "--kafka-topic=" + topic, "--mysql-url=" + url,
            "--mysql-generator-user=" + user, "--mysql-generator-password=" + password, "--rate=0", "--duration=" + seconds + "s", "--seed=1",
            "--compression=" + compression, "--progress-interval=5s"}, tee, tee, new StopSignal());
        if (exit != 0) {
            throw new IllegalStateException("generator exited with " + exit);
        }
        return console.copy();
    }

    /** Real rounds from the generator's topic, one per line, as the payload file of ProducerPerformance. */
    private static Path writePayloadSample(String bootstrap, String topic, int max) throws IOException {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(max));
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.size() < max && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    lines.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no rounds in " + topic);
        }
        Path file = Files.createTempFile("tick-rounds", ".jsonl");
        Files.write(file, lines.subList(0, Math.min(max, lines.size())), StandardCharsets.UTF_8);
        return file;
    }

    private String runProducerPerformance(String bootstrap, String topic, Path payloads, long records)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", kafkaClasspath(), PRODUCER_PERFORMANCE,
                "--topic", topic, "--num-records", Long.toString(records), "--payload-file", payloads.toString(),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "compression.type=" + compression, "linger.ms=20", "batch.size=262144"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("log4j:")) {
                    System.out.println(line);
                }
                output.append(line).append('\n');
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(PRODUCER_PERFORMANCE + " exited with " + exit);
        }
        return output.toString();
    }

    private static String kafkaClasspath() throws IOException {
        try (InputStream in = ProducerBenchmark.class.getClassLoader().getResourceAsStream(KAFKA_CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + KAFKA_CLASSPATH_RESOURCE + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static void createTopics(String bootstrap, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, Optional.of(4), Optional.empty()));
            }
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    /** Writes to the console and keeps a copy, so the generator's summary can be parsed. */
    private static final class TeeWriter extends Writer {
        private final StringWriter copy = new StringWriter();

        @Override
        public void write(char[] buffer, int offset, int length) {
            copy.write(buffer, offset, length);
            System.out.print(new String(buffer, offset, length));
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            flush();
        }

        String copy() {
            return copy.toString();
        }
    }
}
