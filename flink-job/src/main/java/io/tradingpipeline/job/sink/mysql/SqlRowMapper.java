package io.tradingpipeline.job.sink.mysql;

import java.io.Serializable;
import java.util.List;

/** The column values of one record, in the order of the sink's columns. */
@FunctionalInterface
public interface SqlRowMapper<T> extends Serializable {
    List<Object> columnValues(T record);
}
