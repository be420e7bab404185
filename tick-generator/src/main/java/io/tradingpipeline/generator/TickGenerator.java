package io.tradingpipeline.generator;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.KafkaException;

/** One run: companies from MySQL, last id from the topic, then rounds to Kafka until a stop condition. */
public final class TickGenerator {

    private final GeneratorConfig config;
    private final PrintWriter err;
    private final StopSignal stop;

    public TickGenerator(GeneratorConfig config, PrintWriter err, StopSignal stop) {
        this.config = config;
        this.err = err;
        this.stop = stop;
    }

    /** Returns the exit code: 0 when every round was acknowledged, 1 when any send failed. */
    public int run() {
        long seed = config.seed() != null ? config.seed() : new SecureRandom().nextLong();
        List<Company> companies = new ProfileRepository(
                config.mysqlUrl(), config.mysqlUser(), config.mysqlPassword(), config.dbRetry(), stop).loadCompanies();
        long firstId = lastIdInTopic() + 1;
        MarketSimulator simulator = new MarketSimulator(companies, config.marketModel(), seed);
        err.printf("tick-generator: %d companies, topic %s at %s, first id %d, seed %d%n",
                companies.size(), config.topic(), config.bootstrapServers(), firstId, seed);
        err.flush();

        SendStats stats = new SendStats(companies.size());
        RoundPacer pacer = new RoundPacer(config.roundIntervalNanos(companies.size()));
        long lastId;
        try (TickSender sender = new TickSender(KafkaClientProperties.producer(config), config.topic(), stats);
             ProgressReporter progress = new ProgressReporter(stats, err, config.progressFile())) {
            progress.start(config.progressInterval());
            lastId = new GenerationLoop(simulator, sender, stats, pacer, stop, Clock.systemUTC())
                    .run(firstId, config.count(), config.duration());
            progress.printSummary(firstId, lastId);
        } catch (KafkaException e) {
            throw new GeneratorException("Kafka producer failed: " + e.getMessage(), e);
        }
        if (stats.failedRounds() > 0) {
            err.printf("tick-generator: %d round(s) were not delivered; first error: %s%n",
                    stats.failedRounds(), stats.firstFailure());
            err.flush();
            return 1;
        }
        return 0;
    }

    private long lastIdInTopic() {
        try (LastTickIdFinder finder = new LastTickIdFinder(KafkaClientProperties.tailReader(config), config.maxBlock())) {
            return finder.lastId(config.topic());
        } catch (KafkaException e) {
            throw new GeneratorException("cannot read the last tick id from topic '" + config.topic() + "' at "
                    + config.bootstrapServers() + " within " + config.maxBlock().toSeconds() + " s: " + e.getMessage(), e);
        }
    }
}
