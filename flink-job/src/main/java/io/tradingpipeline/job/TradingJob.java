package io.tradingpipeline.job;

import io.tradingpipeline.job.model.MessageWindowStats;
import io.tradingpipeline.job.model.SectorVolume;
import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.model.TickerCandle;
import io.tradingpipeline.job.model.TickerWindowStats;
import io.tradingpipeline.job.parse.EventTimeTickRouter;
import io.tradingpipeline.job.parse.ParsedRecord;
import io.tradingpipeline.job.parse.TickExplodeFunction;
import io.tradingpipeline.job.sink.JobSinks;
import io.tradingpipeline.job.source.ParsingSource;
import io.tradingpipeline.job.source.RawMessage;
import io.tradingpipeline.job.window.AllMessagesKey;
import io.tradingpipeline.job.window.MessageCountAggregate;
import io.tradingpipeline.job.window.MessageCountBundleOperator;
import io.tradingpipeline.job.window.MessageCounts;
import io.tradingpipeline.job.window.MessageStatsWindow;
import io.tradingpipeline.job.window.SectorDayKey;
import io.tradingpipeline.job.window.SectorVolumeAggregate;
import io.tradingpipeline.job.window.SectorVolumeWindow;
import io.tradingpipeline.job.window.TickBundleOperator;
import io.tradingpipeline.job.window.TickerCandleAggregate;
import io.tradingpipeline.job.window.TickerSectorDayKey;
import io.tradingpipeline.job.window.TickerStatsWindow;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/** The topology, independent of where messages come from and where results go. */
public final class TradingJob {
    /** Bounds of a pre-aggregation bundle; small against any sensible window. */
    static final Duration MAX_BUNDLE_DELAY = Duration.ofMillis(100);
    static final int MAX_TICKS_PER_BUNDLE = 5_000;

    private static final String SOURCE_UID = "tick-message-source";
    private static final String PARSE_NAME = "Parse and validate ticks";
    private static final String PARSE_UID = "parse-ticks";

    private TradingJob() {}

    public static void defineWorkflow(StreamExecutionEnvironment env, Source<RawMessage, ?, ?> source,
            JobSinks sinks, TopologySettings settings) {
        boolean eventTime = settings.windowTime() == WindowTime.EVENT;
        SingleOutputStreamOperator<Tick> ticks = eventTime ? eventTimeTicks(env, source, settings)
                : processingTimeTicks(env, source, settings);
        sinks.deadLetters().attach(ticks.getSideOutput(TickExplodeFunction.DEAD_LETTERS),
                "Dead letters to Kafka (" + settings.deadLetterTopic() + ")", "dead-letter-sink");
        DataStream<Tick> validTicks = eventTime ? ticks.union(ticks.getSideOutput(EventTimeTickRouter.LATE_TICKS))
                : ticks;
        sinks.rawTicks().attach(validTicks, "Raw ticks to Cassandra (real_time_data)", "raw-tick-sink");

        DataStream<TickerCandle> candles = ticks
                .transform("Pre-aggregate ticks per ticker", TypeInformation.of(TickerCandle.class),
                        new TickBundleOperator(bundleDelay(settings.windowSize()), MAX_TICKS_PER_BUNDLE,
                                eventTime ? settings.windowSize() : null))
                .uid("tick-bundles");

        // Event-time windows keep their state under other uids: a savepoint of the other mode restores the Kafka
        // offsets only (with --allowNonRestoredState), never windows whose timers the new mode would not fire.
        WindowAssigner<Object, TimeWindow> windows = eventTime ? TumblingEventTimeWindows.of(settings.windowSize())
                : TumblingProcessingTimeWindows.of(settings.windowSize());
        String windowUidSuffix = eventTime ? "-event-window" : "-window";
        // The local stack's status line tells the mode by this name.
        String windowNameSuffix = eventTime ? " (event time)" : "";
        DataStream<SectorVolume> sectorVolumes = candles
                .keyBy(new SectorDayKey())
                .window(windows)
                .aggregate(new SectorVolumeAggregate(), new SectorVolumeWindow())
                .name("Volume per date and sector" + windowNameSuffix)
                .uid("sector-volume" + windowUidSuffix);
        sinks.sectorVolumes().attach(sectorVolumes, "Sector volumes to MySQL (aggregated_data)",
                "sector-volume-mysql-sink");

        DataStream<TickerWindowStats> tickerStats = candles
                .keyBy(new TickerSectorDayKey())
                .window(windows)
                .aggregate(new TickerCandleAggregate(), new TickerStatsWindow())
                .name("Candle per date and ticker" + windowNameSuffix)
                .uid("ticker-stats" + windowUidSuffix);
        sinks.tickerStats().attach(tickerStats, "Ticker candles to MySQL (ticker_window_stats)",
                "ticker-stats-mysql-sink");

        countMessages(ticks, sinks, settings);
    }

    /** Data quality per processing-time window: messages read, ticks parsed, messages dead-lettered and why. */
    private static void countMessages(SingleOutputStreamOperator<Tick> parsed, JobSinks sinks,
            TopologySettings settings) {
        SingleOutputStreamOperator<MessageWindowStats> messageStats = parsed
                .getSideOutput(TickExplodeFunction.MESSAGE_OUTCOMES)
                .transform("Pre-aggregate message outcomes", TypeInformation.of(MessageCounts.class),
                        new MessageCountBundleOperator(bundleDelay(settings.windowSize())))
                .uid("message-count-bundles")
                .keyBy(new AllMessagesKey())
                .window(TumblingProcessingTimeWindows.of(settings.windowSize()))
                .aggregate(new MessageCountAggregate(), new MessageStatsWindow())
                .name("Messages per window")
                .uid("message-stats-window");
        sinks.messageStats().attach(messageStats, "Message counts to MySQL (message_window_stats)",
                "message-stats-mysql-sink");
        sinks.rejectionStats().attach(messageStats.getSideOutput(MessageStatsWindow.REJECTIONS),
                "Rejections to MySQL (rejection_window_stats)", "rejection-stats-mysql-sink");
    }

    private static SingleOutputStreamOperator<Tick> processingTimeTicks(StreamExecutionEnvironment env,
            Source<RawMessage, ?, ?> source, TopologySettings settings) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), sourceName(settings))
                .uid(SOURCE_UID)
                .process(new TickExplodeFunction(settings.maxMessageBytes()))
                .name(PARSE_NAME)
                .uid(PARSE_UID);
    }

    /**
     * Messages parsed in the source, so that watermarks follow {@code created_at} per Kafka partition: each
     * partition's watermark trails its newest tick by the out-of-orderness bound, the source's is the least of
     * its partitions' that are not idle.
     */
    private static SingleOutputStreamOperator<Tick> eventTimeTicks(StreamExecutionEnvironment env,
            Source<RawMessage, ?, ?> source, TopologySettings settings) {
        WatermarkStrategy<ParsedRecord> watermarks = WatermarkStrategy
                .<ParsedRecord>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
                .withTimestampAssigner(new ParsedRecord.NewestTick())
                .withIdleness(settings.sourceIdleTimeout());
        return env.fromSource(ParsingSource.of(source, settings.maxMessageBytes()), watermarks, sourceName(settings))
                .uid(SOURCE_UID)
                .transform(PARSE_NAME, TypeInformation.of(Tick.class), new EventTimeTickRouter(settings.windowSize()))
                .uid(PARSE_UID);
    }

    private static String sourceName(TopologySettings settings) {
        return "Tick messages (" + settings.topic() + ")";
    }

    /** At most a tenth of the window, so bundling shifts few ticks into the next window. */
    private static Duration bundleDelay(Duration windowSize) {
        Duration tenth = windowSize.dividedBy(10);
        return tenth.compareTo(MAX_BUNDLE_DELAY) < 0 ? tenth : MAX_BUNDLE_DELAY;
    }
}
