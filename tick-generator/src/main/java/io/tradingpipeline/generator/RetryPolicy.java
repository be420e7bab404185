package io.tradingpipeline.generator;

import java.time.Duration;

/** Bounded retries with exponential backoff: {@code attempts} tries, waits doubling from {@code initialBackoff}. */
public record RetryPolicy(int attempts, Duration initialBackoff) {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, got " + initialBackoff);
        }
    }

    /** Wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    public Duration backoffAfter(int attempt) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
