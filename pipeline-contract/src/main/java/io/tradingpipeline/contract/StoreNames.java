package io.tradingpipeline.contract;

/**
 * Names that the schema scripts fix ({@code cql/01-schema.cql}, {@code sql/01-schema.sql}): not settings, since a
 * different value would need different scripts. A test holds them equal to the scripts.
 */
public final class StoreNames {

    /** The Cassandra keyspace of {@code real_time_data}. */
    public static final String CASSANDRA_KEYSPACE = "trading";

    /** The MySQL database of the window aggregates and the dashboard's views. */
    public static final String MYSQL_DATABASE = "trading";

    private StoreNames() {
    }
}
