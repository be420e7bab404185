package io.tradingpipeline.job.bench;

import io.tradingpipeline.localstack.FlinkSessionCluster;
import io.tradingpipeline.localstack.LocalRun;
import io.tradingpipeline.localstack.LocalStack;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A fault the campaign injects into the running pipeline, and how the campaign repairs it afterwards. */
enum FaultKind {
    TASKMANAGER_KILL("taskmanager-kill") {
        @Override
        void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) {
            FlinkSessionCluster flink = stack.flink();
            flink.killTaskManagers();
            flink.startTaskManager();
        }
    },
    /** Without high availability the cluster forgets the job: it is submitted again from its newest checkpoint. */
    JOBMANAGER_KILL("jobmanager-kill") {
        @Override
        void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) {
            FlinkSessionCluster flink = stack.flink();
            flink.killJobManager();
            flink.startJobManagerAgain();
            run.resumeJob();
        }
    },
    KAFKA_KILL("kafka-kill") {
        @Override
        void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) {
            stack.kafka().kill();
            stack.kafka().startAgain();
        }
    },
    MARIADB_KILL("mariadb-kill") {
        @Override
        void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) {
            stack.mysql().kill();
            stack.mysql().startAgain();
        }
    },
    CASSANDRA_KILL("cassandra-kill") {
        @Override
        void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) {
            stack.cassandra().kill();
            stack.cassandra().startAgain();
        }
    },
    /** MariaDB shut down cleanly and kept down for a while, as in a maintenance window. */
    MYSQL_OUTAGE("mysql-outage") {
        @Override
        void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) throws InterruptedException {
            stack.mysql().stop();
            try {
                Thread.sleep(mysqlOutage.toMillis());
            } finally {
                stack.mysql().startAgain();
            }
        }
    };

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** Injects the fault and returns once the faulty server runs again (the job may still be recovering). */
    abstract void injectAndRepair(LocalStack stack, LocalRun run, Duration mysqlOutage) throws InterruptedException;

    String label() {
        return label;
    }

    static FaultKind ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + label + "'; known: "
                        + Arrays.stream(values()).map(FaultKind::label).toList()));
    }

    /** The kinds named in a comma-separated list, e.g. {@code kafka-kill,mysql-outage}, or {@code all}. */
    static List<FaultKind> parseList(String labels) {
        if (labels.isBlank() || labels.strip().equals("all")) {
            return List.of(values());
        }
        return Arrays.stream(labels.split(",")).map(FaultKind::ofLabel).distinct().toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
