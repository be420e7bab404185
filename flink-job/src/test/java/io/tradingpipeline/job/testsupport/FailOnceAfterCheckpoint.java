package io.tradingpipeline.job.testsupport;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.sink.StreamSink;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes ticks through, but throws once, in one subtask, when armed after a completed checkpoint and
 * {@link #ticksBeforeFailure} more ticks went by. State is static because the MiniCluster runs every
 * subtask, and every restarted attempt, in this JVM.
 *
 * <p>{@link #before} puts it in front of a sink; chained to the parser, its failure fails the task that
 * feeds every output.
 */
public class FailOnceAfterCheckpoint implements MapFunction<Tick, Tick>, CheckpointListener {
    private static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicLong TICKS_SINCE_ARMED = new AtomicLong();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private final long ticksBeforeFailure;

    public FailOnceAfterCheckpoint(long ticksBeforeFailure) {
        this.ticksBeforeFailure = ticksBeforeFailure;
    }

    /** {@code sink}, fed through this function. */
    public static StreamSink<Tick> before(StreamSink<Tick> sink, long ticksBeforeFailure) {
        return (ticks, name, uid) -> sink.attach(
                ticks.map(new FailOnceAfterCheckpoint(ticksBeforeFailure)).name("Injected failure")
                        .uid("injected-failure"),
                name, uid);
    }

    public static void reset() {
        CHECKPOINT_COMPLETED.set(false);
        ARMED.set(false);
        TICKS_SINCE_ARMED.set(0);
        FAILED.set(false);
    }

    /** Lets the failure happen; only after a checkpoint completed, so there is state to restore. */
    public static void arm() {
        if (!CHECKPOINT_COMPLETED.get()) {
            throw new IllegalStateException("no checkpoint completed yet");
        }
        ARMED.set(true);
    }

    public static boolean checkpointCompleted() {
        return CHECKPOINT_COMPLETED.get();
    }

    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public Tick map(Tick tick) {
        if (ARMED.get() && TICKS_SINCE_ARMED.incrementAndGet() > ticksBeforeFailure
                && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("Injected failure at tick " + tick.id());
        }
        return tick;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINT_COMPLETED.set(true);
    }
}
