package io.tradingpipeline.localstack;

import java.nio.file.Path;

/** Command-line options of {@link LocalStackMain}. A port of 0 means "any free port". */
record LocalStackOptions(Path dataDir, boolean fresh, int kafkaPort, int cassandraPort, int mySqlPort,
                         int flinkPort, int supersetPort, Path jobJar, Path generatorJar, boolean help) {

    static final String USAGE = """
            Usage: local-stack [--data-dir DIR] [--fresh] [--kafka-port N] [--cassandra-port N] [--mysql-port N]
                               [--flink-port N] [--superset-port N] [--job JAR] [--generator JAR]
              Starts Kafka, Cassandra and MariaDB with the repository's schemas, a Flink session cluster and
              Superset with the trading dashboard,
              prints the connection details as KEY=value lines (also written to DIR/stack.env), optionally
              submits the Flink job and starts the tick generator, and stops everything on Ctrl-C.
              --data-dir DIR       data, configuration and logs; empty or from an earlier run, whose data
                                   (topics, tables, checkpoints, savepoints) the servers carry on with; kept
                                   after stop (default: a temporary directory, deleted on stop)
              --fresh              wipe what an earlier run left in the data directory first
              --kafka-port N       Kafka broker port (default 9092; 0 = any free port)
              --cassandra-port N   CQL port (default 9042; 0 = any free port)
              --mysql-port N       MySQL protocol port (default 3306; 0 = any free port)
              --flink-port N       Flink web UI and REST port (default 8081; 0 = any free port)
              --superset-port N    Superset web port (default 8088; 0 = any free port)
              --job JAR            submit this Flink job jar with `flink run -d` once the stack is up, from the
                                   newest savepoint or retained checkpoint of an earlier run; Ctrl-C stops it
                                   with a savepoint
              --generator JAR      with --job: run this tick generator jar against the stack until Ctrl-C
              --help               this text
            The job and the generator get the stack's connection details as environment variables; every
            other setting of theirs can be given the same way (e.g. WINDOW_SIZE=10s, see their --help).
            Secrets: MYSQL_*_PASSWORD and SUPERSET_* from the environment, else the repository's .env.""";

    /** A command line that cannot be understood; its message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static LocalStackOptions parse(String... args) throws UsageException {
        Path dataDir = null;
        Path jobJar = null;
        Path generatorJar = null;
        boolean fresh = false;
        int kafkaPort = 9092;
        int cassandraPort = 9042;
        int mySqlPort = 3306;
        int flinkPort = 8081;
        int supersetPort = 8088;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new LocalStackOptions(null, false, 0, 0, 0, 0, 0, null, null, true);
            }
            if (option.equals("--fresh")) {
                fresh = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option.startsWith("--") && isKnown(option)
                        ? option + " needs a value" : "unknown option: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--kafka-port" -> kafkaPort = port(option, value);
                case "--cassandra-port" -> cassandraPort = port(option, value);
                case "--mysql-port" -> mySqlPort = port(option, value);
                case "--flink-port" -> flinkPort = port(option, value);
                case "--superset-port" -> supersetPort = port(option, value);
                case "--job" -> jobJar = Path.of(value);
                case "--generator" -> generatorJar = Path.of(value);
                default -> throw new UsageException("unknown option: " + option);
            }
        }
        if (generatorJar != null && jobJar == null) {
            throw new UsageException("--generator needs --job");
        }
        return new LocalStackOptions(dataDir, fresh, kafkaPort, cassandraPort, mySqlPort, flinkPort, supersetPort,
                jobJar, generatorJar, false);
    }

    private static boolean isKnown(String option) {
        return switch (option) {
            case "--data-dir", "--kafka-port", "--cassandra-port", "--mysql-port", "--flink-port", "--superset-port",
                 "--job", "--generator" -> true;
            default -> false;
        };
    }

    private static int port(String option, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a port number from 0 to 65535: " + value);
    }
}
