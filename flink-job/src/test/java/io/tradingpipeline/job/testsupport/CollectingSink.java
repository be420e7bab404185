package io.tradingpipeline.job.testsupport;

import io.tradingpipeline.job.sink.StreamSink;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Collects what the topology writes to one output, for a job on a MiniCluster in this JVM. The values are
 * kept in a static map because Flink runs a serialized copy of the sink, not this instance.
 */
public final class CollectingSink<T> implements StreamSink<T> {
    private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        COLLECTED.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public void attach(DataStream<T> stream, String name, String uid) {
        stream.sinkTo(new Writing<>(id)).name(name).uid(uid);
    }

    /** Everything written so far, in no particular order across subtasks. */
    @SuppressWarnings("unchecked")
    public List<T> values() {
        return (List<T>) List.copyOf(COLLECTED.get(id));
    }

    private record Writing<T>(String id) implements Sink<T> {
        @Override
        @Deprecated // abstract in Flink 1.20
        public SinkWriter<T> createWriter(InitContext context) {
            Queue<Object> values = COLLECTED.get(id);
            return new SinkWriter<>() {
                @Override
                public void write(T value, Context context) {
                    values.add(value);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
