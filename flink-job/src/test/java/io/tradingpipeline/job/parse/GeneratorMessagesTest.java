package io.tradingpipeline.job.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.generator.Company;
import io.tradingpipeline.generator.GeneratorConfig;
import io.tradingpipeline.generator.MarketSimulator;
import io.tradingpipeline.generator.StopSignal;
import io.tradingpipeline.generator.TickGeneratorCli;
import io.tradingpipeline.generator.TickJson;
import io.tradingpipeline.job.model.Tick;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's real messages, read by the job's real parser: every tick arrives as it was made. */
class GeneratorMessagesTest {

    private static final List<Company> COMPANIES = List.of(
            new Company("ALTO.JK", "Beverages", 2_190_000_000L),
            new Company("TMAS.JK", "Logistics & Deliveries", 9_000_000_000L),
            new Company("BBCA.JK", "Banks", 123_275_050_000L));

    @Test
    void everyGeneratedTickIsParsedBackExactly() {
        GeneratorConfig defaults = new GeneratorConfig(new StopSignal());
        TickGeneratorCli.commandLine(defaults).parseArgs();
        MarketSimulator market = new MarketSimulator(COMPANIES, defaults.marketModel(), 42);
        TickParser parser = new TickParser(1 << 20);
        Instant createdAt = Instant.parse("2024-02-29T23:59:58.750Z");

        for (int round = 0; round < 500; round++) {
            List<io.tradingpipeline.generator.Tick> sent = market.nextRound(1 + round * 3L, createdAt);

            ParsedMessage parsed = parser.parse(TickJson.write(sent));

            assertThat(parsed.hasProblems()).as(parsed.problemDescription()).isFalse();
            assertThat(parsed.ticks()).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                io.tradingpipeline.generator.Tick expected = sent.get(i);
                Tick actual = parsed.ticks().get(i);
                assertThat(actual.id()).isEqualTo(expected.id());
                assertThat(actual.ticker()).isEqualTo(expected.ticker());
                assertThat(actual.sector()).isEqualTo(expected.sector());
                assertThat(actual.price()).isEqualByComparingTo(BigDecimal.valueOf(expected.price()));
                assertThat(actual.volume()).isEqualTo(expected.volume());
                assertThat(actual.marketCap()).isEqualTo(expected.marketCap());
                assertThat(actual.createdAtMillis())
                        .isEqualTo(expected.createdAt().truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
            }
            createdAt = createdAt.plusMillis(500);
        }
    }
}
