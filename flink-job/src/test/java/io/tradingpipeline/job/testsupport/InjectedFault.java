package io.tradingpipeline.job.testsupport;

import io.tradingpipeline.job.sink.StreamSink;
import io.tradingpipeline.job.sink.mysql.ExactlyOnceMySqlSink;
import io.tradingpipeline.job.sink.mysql.RowBatch;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * One failure, injected at an exact point of the MySQL sinks' commit protocol, once {@link #arm() armed}. State is
 * static because the MiniCluster runs every subtask, and every restarted attempt, in this JVM; only one fault is
 * in play at a time.
 */
public final class InjectedFault {
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicBoolean FIRED = new AtomicBoolean();
    private static final AtomicLong ROWS_SINCE_ARMED = new AtomicLong();

    private InjectedFault() {}

    public static void reset() {
        ARMED.set(false);
        FIRED.set(false);
        ROWS_SINCE_ARMED.set(0);
    }

    public static void arm() {
        ARMED.set(true);
    }

    public static boolean fired() {
        return FIRED.get();
    }

    /** Fires exactly once, and only while armed. */
    private static boolean fire() {
        return ARMED.get() && FIRED.compareAndSet(false, true);
    }

    /**
     * The task fails while it snapshots a checkpoint in which rows reached {@code sink}: after the sink's writer
     * handed that checkpoint's batch to the committer (at the barrier, before any snapshot), and before the
     * checkpoint can complete.
     */
    public static <T> StreamSink<T> failingCheckpointAfterItsBatchWasPrepared(StreamSink<T> sink) {
        return (rows, name, uid) -> sink.attach(rows.map(new FailCheckpointWithRows<T>())
                .name("Injected failure in a checkpoint with rows").uid("injected-checkpoint-failure"), name, uid);
    }

    /** The task fails on the {@code n}th row that reaches {@code sink} after arming: while windows fire. */
    public static <T> StreamSink<T> failingOnRow(StreamSink<T> sink, long n) {
        return (rows, name, uid) -> sink.attach(rows.map(new FailOnRow<T>(n))
                .name("Injected failure while windows fire").uid("injected-row-failure"), name, uid);
    }

    /** The committer fails right after it committed a batch: the checkpoint that held the batch is restored. */
    public static <T> StreamSink<T> crashingAfterCommit(ExactlyOnceMySqlSink<T> sink) {
        return StreamSink.of(new CrashAfterCommit<>(sink));
    }

    private static final class FailCheckpointWithRows<T> implements MapFunction<T, T>, CheckpointedFunction {
        private long rowsSinceSnapshot;

        @Override
        public T map(T row) {
            rowsSinceSnapshot++;
            return row;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            boolean batchPrepared = rowsSinceSnapshot > 0;
            rowsSinceSnapshot = 0;
            if (batchPrepared && fire()) {
                throw new IllegalStateException("Injected failure in checkpoint " + context.getCheckpointId()
                        + ", after the sink prepared its batch");
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}
    }

    private static final class FailOnRow<T> implements MapFunction<T, T> {
        private final long n;

        FailOnRow(long n) {
            this.n = n;
        }

        @Override
        public T map(T row) {
            if (ARMED.get() && ROWS_SINCE_ARMED.incrementAndGet() == n && fire()) {
                throw new IllegalStateException("Injected failure at window row " + row);
            }
            return row;
        }
    }

    private static final class CrashAfterCommit<T> implements Sink<T>, SupportsCommitter<RowBatch> {
        private final ExactlyOnceMySqlSink<T> sink;

        CrashAfterCommit(ExactlyOnceMySqlSink<T> sink) {
            this.sink = sink;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return sink.createWriter(context);
        }

        @Deprecated
        public SinkWriter<T> createWriter(InitContext context) {
            return sink.createWriter(context);
        }

        @Override
        public Committer<RowBatch> createCommitter(CommitterInitContext context) {
            Committer<RowBatch> committer = sink.createCommitter(context);
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<RowBatch>> requests)
                        throws java.io.IOException, InterruptedException {
                    committer.commit(requests);
                    if (!requests.isEmpty() && fire()) {
                        throw new IllegalStateException("Injected failure after committing " + requests.size()
                                + " batches, before the committer's state moved on");
                    }
                }

                @Override
                public void close() throws Exception {
                    committer.close();
                }
            };
        }

        @Override
        public SimpleVersionedSerializer<RowBatch> getCommittableSerializer() {
            return sink.getCommittableSerializer();
        }
    }
}
