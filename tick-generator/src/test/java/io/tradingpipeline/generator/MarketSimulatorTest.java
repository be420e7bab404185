package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

    static final List<Company> COMPANIES = List.of(
            new Company("ALTO.JK", "Beverages", 1000),
            new Company("BRPT.JK", "Chemicals", 93750),
            new Company("DWGL.JK", "Coal", 10000));
    static final MarketModel MODEL = new MarketModel(500, 600, 0.2, 0.01, 300_000, 0.8);
    static final Instant NOW = Instant.parse("2024-09-05T07:52:35Z");

    @Test
    void roundHasOneTickPerCompanyWithConsecutiveIdsAndMarketCap() {
        List<Tick> round = new MarketSimulator(COMPANIES, MODEL, 1).nextRound(41, NOW);

        assertThat(round).extracting(Tick::id).containsExactly(41L, 42L, 43L);
        assertThat(round).extracting(Tick::ticker).containsExactly("ALTO.JK", "BRPT.JK", "DWGL.JK");
        assertThat(round).extracting(Tick::sector).containsExactly("Beverages", "Chemicals", "Coal");
        for (int i = 0; i < round.size(); i++) {
            Tick tick = round.get(i);
            assertThat(tick.marketCap()).isEqualTo(tick.price() * COMPANIES.get(i).shares());
            assertThat(tick.createdAt()).isEqualTo(NOW);
        }
    }

    @Test
    void pricesStartInTheConfiguredBaseRangeAndStayInTheBand() {
        MarketSimulator simulator = new MarketSimulator(COMPANIES, MODEL, 5);
        for (Tick tick : simulator.nextRound(1, NOW)) {
            assertThat(tick.price()).isBetween(480L, 620L);
        }
        for (int round = 0; round < 2_000; round++) {
            for (Tick tick : simulator.nextRound(1, NOW)) {
                assertThat(tick.price()).isBetween(400L, 720L);
                assertThat(TickSize.isOnGrid(tick.price())).isTrue();
            }
        }
    }

    @Test
    void sameSeedGivesSameTicksDifferentSeedDoesNot() {
        assertThat(payloads(11)).isEqualTo(payloads(11));
        assertThat(payloads(11)).isNotEqualTo(payloads(12));
    }

    @Test
    void aTickersPathDoesNotDependOnTheOtherCompanies() {
        List<Tick> alone = new MarketSimulator(List.of(COMPANIES.get(1)), MODEL, 9).nextRound(1, NOW);
        List<Tick> together = new MarketSimulator(COMPANIES, MODEL, 9).nextRound(1, NOW);
        assertThat(together.get(1).price()).isEqualTo(alone.get(0).price());
        assertThat(together.get(1).volume()).isEqualTo(alone.get(0).volume());
    }

    private static List<List<Long>> payloads(long seed) {
        MarketSimulator simulator = new MarketSimulator(COMPANIES, MODEL, seed);
        List<List<Long>> result = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            for (Tick tick : simulator.nextRound(round * 3L, NOW)) {
                result.add(List.of(tick.price(), tick.marketCap(), tick.volume()));
            }
        }
        return result;
    }
}
