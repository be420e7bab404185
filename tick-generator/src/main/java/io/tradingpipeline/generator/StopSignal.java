package io.tradingpipeline.generator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way stop request (SIGINT/SIGTERM in the CLI, a call in tests) that also wakes a waiting loop. */
public final class StopSignal {

    private final CountDownLatch latch = new CountDownLatch(1);

    public void request() {
        latch.countDown();
    }

    public boolean isRequested() {
        return latch.getCount() == 0;
    }

    /** Waits up to {@code nanos}; returns true when the stop was requested (before or meanwhile). */
    public boolean awaitNanos(long nanos) {
        try {
            return latch.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
