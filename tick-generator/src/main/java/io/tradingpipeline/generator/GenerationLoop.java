package io.tradingpipeline.generator;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;

/**
 * Produces rounds until the round limit, the time limit, a stop request or the first failed send, then waits
 * for every round in flight to be acknowledged or failed. A failed send stops the run: the producer already
 * retried it for the whole delivery timeout.
 */
public final class GenerationLoop {

    private final MarketSimulator simulator;
    private final TickSender sender;
    private final SendStats stats;
    private final RoundPacer pacer;
    private final StopSignal stop;
    private final Clock clock;

    public GenerationLoop(MarketSimulator simulator, TickSender sender, SendStats stats, RoundPacer pacer,
                          StopSignal stop, Clock clock) {
        this.simulator = simulator;
        this.sender = sender;
        this.stats = stats;
        this.pacer = pacer;
        this.stop = stop;
        this.clock = clock;
    }

    /** Runs from {@code firstId}; returns the last id handed out ({@code firstId − 1} when none). */
    public long run(long firstId, OptionalLong maxRounds, Duration maxDuration) {
        long deadline = System.nanoTime() + (maxDuration == null ? Long.MAX_VALUE / 2 : maxDuration.toNanos());
        long nextId = firstId;
        pacer.start();
        for (long round = 0; maxRounds.isEmpty() || round < maxRounds.getAsLong(); round++) {
            if (stats.failedRounds() > 0 || !pacer.awaitRound(round, stop, deadline)) {
                break;
            }
            List<Tick> ticks = simulator.nextRound(nextId, clock.instant().truncatedTo(ChronoUnit.SECONDS));
            sender.send(TickJson.write(ticks));
            nextId += ticks.size();
        }
        sender.flush();
        return nextId - 1;
    }
}
