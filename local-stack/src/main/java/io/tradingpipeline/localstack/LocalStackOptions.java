package io.tradingpipeline.localstack;

import java.nio.file.Path;

/** Command-line options of {@link LocalStackMain}. A port of 0 means "any free port". */
record LocalStackOptions(Path dataDir, int kafkaPort, int cassandraPort, int mySqlPort, boolean help) {

    static final String USAGE = """
            Usage: local-stack [--data-dir DIR] [--kafka-port N] [--cassandra-port N] [--mysql-port N]
              Starts Kafka, Cassandra and MariaDB with the repository's schemas, prints the connection
              details as KEY=value lines (also written to DIR/stack.env), and stops everything on Ctrl-C.
              --data-dir DIR       data, configuration and logs; empty or from an earlier run (then wiped),
                                   kept after stop (default: a temporary directory, deleted on stop)
              --kafka-port N       Kafka broker port (default 9092; 0 = any free port)
              --cassandra-port N   CQL port (default 9042; 0 = any free port)
              --mysql-port N       MySQL protocol port (default 3306; 0 = any free port)
              --help               this text
            Passwords: MYSQL_*_PASSWORD from the environment, else the repository's .env.""";

    /** A command line that cannot be understood; its message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static LocalStackOptions parse(String... args) throws UsageException {
        Path dataDir = null;
        int kafkaPort = 9092;
        int cassandraPort = 9042;
        int mySqlPort = 3306;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new LocalStackOptions(null, 0, 0, 0, true);
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
                default -> throw new UsageException("unknown option: " + option);
            }
        }
        return new LocalStackOptions(dataDir, kafkaPort, cassandraPort, mySqlPort, false);
    }

    private static boolean isKnown(String option) {
        return switch (option) {
            case "--data-dir", "--kafka-port", "--cassandra-port", "--mysql-port" -> true;
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
