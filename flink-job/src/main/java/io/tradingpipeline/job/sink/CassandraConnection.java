package io.tradingpipeline.job.sink;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.policies.DCAwareRoundRobinPolicy;
import org.apache.flink.streaming.connectors.cassandra.ClusterBuilder;

/** Connects the Cassandra sink to the configured contact points, local datacenter and optional login. */
public class CassandraConnection extends ClusterBuilder {
    private final String[] contactPoints;
    private final int port;
    private final String localDatacenter;
    private final String username;
    private final String password;

    public CassandraConnection(String[] contactPoints, int port, String localDatacenter, String username,
            String password) {
        this.contactPoints = contactPoints.clone();
        this.port = port;
        this.localDatacenter = localDatacenter;
        this.username = username;
        this.password = password;
    }

    @Override
    protected Cluster buildCluster(Cluster.Builder builder) {
        builder.addContactPoints(contactPoints)
                .withPort(port)
                .withLoadBalancingPolicy(DCAwareRoundRobinPolicy.builder().withLocalDc(localDatacenter).build());
        if (username != null && !username.isBlank()) {
            builder.withCredentials(username, password);
        }
        return builder.build();
    }
}
