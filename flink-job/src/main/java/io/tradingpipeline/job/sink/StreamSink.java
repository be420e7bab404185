package io.tradingpipeline.job.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Attaches a named, uid'd sink to a stream. Lets the topology take both new-API sinks and the
 * Cassandra connector's builder-based sink, and lets tests pass collecting sinks.
 */
@FunctionalInterface
public interface StreamSink<T> {

    void attach(DataStream<T> stream, String name, String uid);

    static <T> StreamSink<T> of(Sink<T> sink) {
        return (stream, name, uid) -> stream.sinkTo(sink).name(name).uid(uid);
    }
}
