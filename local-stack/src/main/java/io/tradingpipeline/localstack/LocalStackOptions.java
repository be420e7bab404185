package io.tradingpipeline.localstack;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Command-line options of {@link LocalStackMain}. A port of 0 means "any free port". */
@Command(name = "local-stack", mixinStandardHelpOptions = true, version = "local-stack 1.0.0", sortOptions = false, showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {
            "Starts Kafka, Cassandra and MariaDB with the repository's schemas, a Flink session cluster and Superset "
                + "with the trading dashboard, prints the connection details as KEY=value lines (also written to "
                + "DIR/stack.env), optionally submits the Flink job and starts the tick generator, and stops "
                + "everything on Ctrl-C. A port of 0 picks any free port.",
            "The job and the generator get the stack's connection details as environment variables; every other "
                + "setting of theirs can be given the same way (e.g. WINDOW_SIZE=10s, see their --help). Secrets: "
                + "MYSQL_*_PASSWORD and SUPERSET_* from the environment, else the repository's .env."})
final class LocalStackOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data, configuration and logs; empty or from an earlier run, whose data (topics, tables, "
                    + "checkpoints, savepoints) the servers carry on with; kept after stop. Default: a temporary "
                    + "directory, deleted on stop.")
    Path dataDir;

    @Option(names = "--fresh", description = "Wipe what an earlier run left in the data directory first.")
    boolean fresh;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092", description = "Kafka broker port.")
    int kafkaPort;

    @Option(names = "--cassandra-port", paramLabel = "PORT", defaultValue = "9042", description = "CQL port.")
    int cassandraPort;

    @Option(names = "--mysql-port", paramLabel = "PORT", defaultValue = "3306", description = "MySQL protocol port.")
    int mySqlPort;

    @Option(names = "--flink-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Flink web UI and REST port.")
    int flinkPort;

    @Option(names = "--superset-port", paramLabel = "PORT", defaultValue = "8088", description = "Superset web port.")
    int supersetPort;

    @Option(names = "--job", paramLabel = "JAR",
            description = "Submit this Flink job jar with `flink run -d` once the stack is up, from the newest "
                    + "savepoint or retained checkpoint of an earlier run; Ctrl-C stops it with a savepoint.")
    Path jobJar;

    @Option(names = "--generator", paramLabel = "JAR",
            description = "With --job: run this tick generator jar against the stack until Ctrl-C.")
    Path generatorJar;

    /**
     * The options of {@code args}, validated.
     *
     * @throws ParameterException naming what is wrong; {@link CommandLine#isUsageHelpRequested()} of its
     *     command line tells a request for help apart
     */
    static CommandLine parse(String... args) {
        LocalStackOptions options = new LocalStackOptions();
        CommandLine commandLine = new CommandLine(options);
        commandLine.parseArgs(args);
        if (commandLine.isUsageHelpRequested() || commandLine.isVersionHelpRequested()) {
            return commandLine;
        }
        for (var port : new int[] {options.kafkaPort, options.cassandraPort, options.mySqlPort, options.flinkPort,
                options.supersetPort}) {
            if (port < 0 || port > 65535) {
                throw new ParameterException(commandLine, "ports are numbers from 0 to 65535, not " + port);
            }
        }
        if (options.generatorJar != null && options.jobJar == null) {
            throw new ParameterException(commandLine, "--generator needs --job");
        }
        return commandLine;
    }
}
