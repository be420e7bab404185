package io.tradingpipeline.generator;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters of sent, acknowledged and failed messages (one message = one round), safe across threads. */
public final class SendStats {

    private final int ticksPerRound;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public SendStats(int ticksPerRound) {
        this.ticksPerRound = ticksPerRound;
    }

    void sent(int bytes) {
        sent.incrementAndGet();
        sentBytes.addAndGet(bytes);
    }

    void acked() {
        acked.incrementAndGet();
    }

    void failed(Exception e) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, e);
    }

    public int ticksPerRound() {
        return ticksPerRound;
    }

    public long sentRounds() {
        return sent.get();
    }

    public long ackedRounds() {
        return acked.get();
    }

    public long failedRounds() {
        return failed.get();
    }

    /** Uncompressed JSON bytes handed to the producer. */
    public long sentBytes() {
        return sentBytes.get();
    }

    public long ackedTicks() {
        return acked.get() * ticksPerRound;
    }

    public Exception firstFailure() {
        return firstFailure.get();
    }
}
