package io.tradingpipeline.job.sink.mysql;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;

/** The table a sink appends to and the columns it fills. */
public record MySqlTable(String name, List<String> columns) implements Serializable {
    public MySqlTable {
        columns = List.copyOf(columns);
    }

    String insertStatement() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }
}
