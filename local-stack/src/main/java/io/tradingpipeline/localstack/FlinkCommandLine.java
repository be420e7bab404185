package io.tradingpipeline.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Flink's own {@code flink} command (list, run, cancel, stop, savepoint, …) against the local run's session
 * cluster: {@code local-stack/flink list}. The cluster is the one configured in {@code FLINK_CONF_DIR}, by
 * default {@code .local-stack/flink/conf}.
 */
public final class FlinkCommandLine {

    private FlinkCommandLine() {
    }

    public static void main(String[] args) throws Exception {
        String configured = System.getenv("FLINK_CONF_DIR");
        Path confDir = Path.of(configured != null && !configured.isBlank() ? configured : ".local-stack/flink/conf")
                .toAbsolutePath();
        if (!Files.isRegularFile(confDir.resolve("config.yaml"))) {
            System.err.println("flink: no Flink configuration in " + confDir + "; start the local run "
                    + "(local-stack/run-pipeline.sh) or point FLINK_CONF_DIR at a cluster's configuration");
            System.exit(1);
        }
        ProcessBuilder builder = new ProcessBuilder(FlinkSessionCluster.cliCommand(confDir, List.of(args)))
                .inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        System.exit(builder.start().waitFor());
    }
}
