package io.tradingpipeline.job.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tradingpipeline.job.JobExecutionSettings;
import io.tradingpipeline.job.TopologySettings;
import io.tradingpipeline.job.TradingJob;
import io.tradingpipeline.job.parse.TickParser;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.sink.StreamSink;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.testsupport.GeneratedTicks;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * CPU throughput of the job's topology (parse, explode, key by, the window aggregates) from an in-memory
 * source of seed-format messages into discarding sinks, at parallelism 1 and 2, compared with two
 * single-thread baselines on the same messages: plain Jackson ({@code readTree}, no validation) and the
 * job's parser alone; and the job with event-time windows (parsed in the source, watermarks per split).
 *
 * <p>Run: {@code ./mvnw -B -pl flink-job -Pbenchmark verify -DskipITs -Dbenchmark.messages=3000000}
 * (messages per job run; 3 million messages are 30 million ticks, 10-20 s per run on 2 cores).
 */
public final class PipelineBenchmark {
    private static final String TOPIC = "trading_data";
    private static final int MAX_MESSAGE_BYTES = 1 << 20;
    private static final int DISTINCT_MESSAGES = 1_000;
    private static final long PARSER_WARMUP_NANOS = 3_000_000_000L;
    private static final long PARSER_MEASURE_NANOS = 8_000_000_000L;
    private static final TopologySettings PROCESSING_TIME =
            new TopologySettings(TOPIC, TOPIC + "_dlq", MAX_MESSAGE_BYTES, Duration.ofSeconds(1));
    /** All generated ticks share one created_at: one window, fired by the final watermark. */
    private static final TopologySettings EVENT_TIME = PROCESSING_TIME.inEventTime(
            TopologySettings.DEFAULT_MAX_OUT_OF_ORDERNESS, TopologySettings.DEFAULT_SOURCE_IDLE_TIMEOUT);

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        long messagesPerRun = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        RawMessage[] messages = generateMessages();

        ObjectReader jackson = new ObjectMapper().reader();
        double jacksonRate = singleThreadRate(messages, value -> jackson.readTree(value).size());
        System.out.printf("Jackson readTree, 1 thread : %,12.0f ticks/s%n", jacksonRate);
        TickParser parser = new TickParser(MAX_MESSAGE_BYTES);
        double rawRate = singleThreadRate(messages, value -> parser.parse(value).ticks().size());
        System.out.printf("job's parser, 1 thread     : %,12.0f ticks/s%n", rawRate);
        double jobRate1 = jobRate(messages, messagesPerRun, 1, PROCESSING_TIME);
        System.out.printf("job, parallelism 1         : %,12.0f ticks/s%n", jobRate1);
        double jobRate2 = jobRate(messages, messagesPerRun, 2, PROCESSING_TIME);
        System.out.printf("job, parallelism 2         : %,12.0f ticks/s%n", jobRate2);
        double eventRate1 = jobRate(messages, messagesPerRun, 1, EVENT_TIME);
        System.out.printf("job, event time, p=1       : %,12.0f ticks/s%n", eventRate1);
        double eventRate2 = jobRate(messages, messagesPerRun, 2, EVENT_TIME);
        System.out.printf("job, event time, p=2       : %,12.0f ticks/s%n", eventRate2);
        System.out.printf("event / processing time    : %12.2f (p=1), %.2f (p=2)%n", eventRate1 / jobRate1,
                eventRate2 / jobRate2);
        System.out.printf("job(p=2) / (Jackson x 2)   : %12.2f   (goal >= 0.4)%n", jobRate2 / (jacksonRate * 2));
        System.out.printf("job(p=2) / (parser x 2)    : %12.2f%n", jobRate2 / (rawRate * 2));
        System.out.printf("job(p=1) / parser          : %12.2f%n", jobRate1 / rawRate);
    }

    private static RawMessage[] generateMessages() {
        GeneratedTicks ticks = new GeneratedTicks(1);
        RawMessage[] messages = new RawMessage[DISTINCT_MESSAGES];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = new RawMessage(TOPIC, i % 4, i, 0L, null, ticks.nextMessage(),
                    new MessageHeader[0]);
        }
        return messages;
    }

    /** Counts the ticks in one message. */
    @FunctionalInterface
    private interface TickCounter {
        int ticksIn(byte[] message) throws IOException;
    }

    private static double singleThreadRate(RawMessage[] messages, TickCounter counter) throws IOException {
        countFor(counter, messages, PARSER_WARMUP_NANOS);
        long start = System.nanoTime();
        long ticks = countFor(counter, messages, PARSER_MEASURE_NANOS);
        return ticks / ((System.nanoTime() - start) / 1e9);
    }

    private static long countFor(TickCounter counter, RawMessage[] messages, long nanos) throws IOException {
        long deadline = System.nanoTime() + nanos;
        long ticks = 0;
        while (System.nanoTime() < deadline) {
            for (RawMessage message : messages) {
                ticks += counter.ticksIn(message.value());
            }
        }
        return ticks;
    }

    private static double jobRate(RawMessage[] messages, long count, int parallelism, TopologySettings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism,
                new Configuration());
        DataGeneratorSource<RawMessage> source = new DataGeneratorSource<>(new RepeatedMessages(messages), count,
                RateLimiterStrategy.noOp(), TypeInformation.of(RawMessage.class));
        JobSinks discarding = new JobSinks(discarding(), discarding(), discarding(), discarding(), discarding(),
                discarding());
        JobExecutionSettings.enableObjectReuse(env);
        TradingJob.defineWorkflow(env, source, discarding, settings);
        JobExecutionResult result = env.execute("pipeline-benchmark-" + settings.windowTime() + "-p" + parallelism);
        return count * (double) GeneratedTicks.TICKS_PER_MESSAGE / (result.getNetRuntime() / 1000.0);
    }

    /** Hands out the pre-built messages round robin; allocates nothing per record. */
    private static final class RepeatedMessages implements GeneratorFunction<Long, RawMessage> {
        private final byte[][] values;
        private transient RawMessage[] messages;

        RepeatedMessages(RawMessage[] messages) {
            this.values = new byte[messages.length][];
            for (int i = 0; i < messages.length; i++) {
                values[i] = messages[i].value();
            }
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            messages = new RawMessage[values.length];
            for (int i = 0; i < values.length; i++) {
                messages[i] = new RawMessage(TOPIC, i % 4, i, 0L, null, values[i], new MessageHeader[0]);
            }
        }

        @Override
        public RawMessage map(Long index) {
            return messages[(int) (index % messages.length)];
        }
    }

    private static <T> StreamSink<T> discarding() {
        return StreamSink.of(new DiscardingSink<>());
    }
}
