package io.tradingpipeline.job.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One validated trade tick. A Flink POJO: public no-arg constructor, getters and setters, no Kryo. */
public class Tick {
    private long id;
    private String ticker;
    private String sector;
    private BigDecimal price;
    private long volume;
    private long marketCap;
    /** UTC epoch milliseconds; a long serializes in 8 bytes where an Instant would need Kryo. */
    private long createdAtMillis;

    public Tick() {}

    public Tick(long id, String ticker, String sector, BigDecimal price, long volume, long marketCap,
            long createdAtMillis) {
        this.id = id;
        this.ticker = ticker;
        this.sector = sector;
        this.price = price;
        this.volume = volume;
        this.marketCap = marketCap;
        this.createdAtMillis = createdAtMillis;
    }

    /** Days since 1970-01-01 of {@link #getCreatedAtMillis()} in UTC: the trade date. */
    public int tradeEpochDay() {
        return (int) Math.floorDiv(createdAtMillis, 86_400_000L);
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getTicker() {
        return ticker;
    }

    public void setTicker(String ticker) {
        this.ticker = ticker;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public long getVolume() {
        return volume;
    }

    public void setVolume(long volume) {
        this.volume = volume;
    }

    public long getMarketCap() {
        return marketCap;
    }

    public void setMarketCap(long marketCap) {
        this.marketCap = marketCap;
    }

    public long getCreatedAtMillis() {
        return createdAtMillis;
    }

    public void setCreatedAtMillis(long createdAtMillis) {
        this.createdAtMillis = createdAtMillis;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tick other)) {
            return false;
        }
        return id == other.id && volume == other.volume && marketCap == other.marketCap
                && createdAtMillis == other.createdAtMillis && Objects.equals(ticker, other.ticker)
                && Objects.equals(sector, other.sector) && Objects.equals(price, other.price);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ticker, sector, price, volume, marketCap, createdAtMillis);
    }

    @Override
    public String toString() {
        return "Tick{id=" + id + ", ticker=" + ticker + ", sector=" + sector + ", price=" + price + ", volume="
                + volume + ", marketCap=" + marketCap + ", createdAtMillis=" + createdAtMillis + '}';
    }
}
