package io.tradingpipeline.localstack;

import java.nio.file.Path;

/** The cassandra.yaml and logback.xml of a single small node on loopback, everything under one directory. */
record CassandraConfig(Path yaml, Path logback, Path log, Path storageDir) {

    static CassandraConfig write(Path dir, int nativePort, int storagePort) {
        Path storage = LocalFiles.createDirectories(dir.resolve("storage"));
        Path log = dir.resolve("cassandra.log");
        Path yaml = LocalFiles.write(dir.resolve("cassandra.yaml"), """
                cluster_name: trading-local-stack
                num_tokens: 1
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: SimpleSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "127.0.0.1:%2$d"
                listen_address: 127.0.0.1
                rpc_address: 127.0.0.1
                storage_port: %2$d
                native_transport_port: %1$d
                start_native_transport: true
                data_file_directories:
                  - %3$s/data
                commitlog_directory: %3$s/commitlog
                saved_caches_directory: %3$s/saved_caches
                hints_directory: %3$s/hints
                cdc_raw_directory: %3$s/cdc_raw
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                commitlog_segment_size: 8MiB
                # Every TRUNCATE and DROP would otherwise leave a snapshot behind.
                auto_snapshot: false
                snapshot_before_compaction: false
                # Sized for a laptop or a 2-core CI box, not for throughput.
                concurrent_reads: 4
                concurrent_writes: 8
                concurrent_counter_writes: 2
                concurrent_materialized_view_writes: 2
                concurrent_compactors: 1
                memtable_flush_writers: 1
                memtable_heap_space: 64MiB
                memtable_offheap_space: 64MiB
                memtable_allocation_type: offheap_objects
                memtable:
                  configurations:
                    skiplist:
                      class_name: SkipListMemtable
                    trie:
                      class_name: TrieMemtable
                    default:
                      inherits: trie
                key_cache_size: 8MiB
                counter_cache_size: 0MiB
                prepared_statements_cache_size: 8MiB
                file_cache_size: 32MiB
                compaction_throughput: 0MiB/s
                """.formatted(nativePort, storagePort, storage));
        Path logback = LocalFiles.write(dir.resolve("logback.xml"), """
                <configuration scan="false">
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder>
                      <pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="FILE"/>
                  </root>
                </configuration>
                """.formatted(log));
        return new CassandraConfig(yaml, logback, log, storage);
    }
}
