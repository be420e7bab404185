package io.tradingpipeline.generator;

import java.util.Objects;

/** A listed company as read from {@code trading.profile}. */
public record Company(String ticker, String sector, long shares) {

    public Company {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(sector, "sector");
        if (ticker.isBlank()) {
            throw new IllegalArgumentException("blank ticker");
        }
        if (shares <= 0) {
            throw new IllegalArgumentException("shares of " + ticker + " must be positive, got " + shares);
        }
    }
}
