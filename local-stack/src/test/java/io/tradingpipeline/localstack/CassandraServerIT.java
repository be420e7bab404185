package io.tradingpipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class CassandraServerIT {

    @Test
    void storesAndReadsBackARawTick(LocalStack stack) {
        CassandraServer cassandra = stack.cassandra();
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Instant createdAt = Instant.parse("2026-11-20T09:15:30.123Z");
        BigDecimal price = new BigDecimal("1234.5678");
        // Connect the way the pipeline does, from the published connection details.
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withKeyspace(cassandra.keyspace())
                .build()) {
            session.execute(session.prepare("INSERT INTO real_time_data (id, created_at, ticker, sector, volume, "
                    + "market_cap, price) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(id, createdAt, "BRPT.JK", "Chemicals", 1500L, 93_750L * 1234L, price));

            Row row = session.execute(session.prepare("SELECT * FROM real_time_data WHERE id = ?").bind(id)).one();
            session.execute(session.prepare("DELETE FROM real_time_data WHERE id = ?").bind(id));

            assertThat(row).isNotNull();
            assertThat(row.getLong("id")).isEqualTo(id);
            assertThat(row.getInstant("created_at")).isEqualTo(createdAt);
            assertThat(row.getString("ticker")).isEqualTo("BRPT.JK");
            assertThat(row.getString("sector")).isEqualTo("Chemicals");
            assertThat(row.getLong("volume")).isEqualTo(1500L);
            assertThat(row.getLong("market_cap")).isEqualTo(93_750L * 1234L);
            assertThat(row.getBigDecimal("price")).isEqualTo(price);
        }
    }
}
