package io.tradingpipeline.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces rounds of ticks, one per company. Each ticker draws from its own random stream derived from the
 * seed and the ticker, so a ticker's prices and volumes depend only on the seed, the model and how many
 * rounds came before — not on which other companies are listed.
 */
public final class MarketSimulator {

    private final List<Quote> quotes;

    public MarketSimulator(List<Company> companies, MarketModel model, long seed) {
        if (companies.isEmpty()) {
            throw new IllegalArgumentException("no companies to simulate");
        }
        this.quotes = companies.stream().map(company -> new Quote(company, model, seed)).toList();
    }

    /** The next round: ids {@code firstId, firstId + 1, …} in company order, all created at {@code createdAt}. */
    public List<Tick> nextRound(long firstId, Instant createdAt) {
        List<Tick> round = new ArrayList<>(quotes.size());
        long id = firstId;
        for (Quote quote : quotes) {
            round.add(quote.next(id++, createdAt));
        }
        return round;
    }

    private static final class Quote {
        private final Company company;
        private final PriceWalk price;
        private final VolumeModel volume;

        Quote(Company company, MarketModel model, long seed) {
            this.company = company;
            SplittableRandom random = new SplittableRandom(seed ^ (company.ticker().hashCode() * 0x9E3779B97F4A7C15L));
            long base = random.nextLong(model.baseMinPrice(), model.baseMaxPrice() + 1);
            this.price = new PriceWalk(base, model.band(), model.volatility(), random);
            this.volume = new VolumeModel(model.volumeMedian(), model.volumeSigma(), random);
        }

        Tick next(long id, Instant createdAt) {
            long p = price.next();
            return new Tick(id, company.ticker(), createdAt, p, Math.multiplyExact(p, company.shares()),
                    volume.next(), company.sector());
        }
    }
}
