package io.tradingpipeline.generator;

import io.tradingpipeline.contract.DurationConverter;
import io.tradingpipeline.contract.MissingSettingException;
import io.tradingpipeline.contract.SettingDefaults;
import io.tradingpipeline.contract.SettingValues;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import sun.misc.Signal;

/** Entry point of {@code tick-generator.jar}. */
public final class TickGeneratorCli {

    private TickGeneratorCli() {
    }

    public static void main(String[] args) {
        StopSignal stop = new StopSignal();
        handleStopSignals(stop);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), stop));
    }

    /** Parses {@code args} and runs; returns the exit code (0 ok, 1 runtime failure, 2 usage). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, StopSignal stop) {
        return execute(args, out, err, stop, SettingValues.ofProcess());
    }

    /** Like {@link #execute(String[], PrintWriter, PrintWriter, StopSignal)}, with settings from {@code settings}. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, StopSignal stop, SettingValues settings) {
        CommandLine commandLine = commandLine(new GeneratorConfig(stop), settings)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(TickGeneratorCli::usageError)
                .setExecutionExceptionHandler((e, cl, parseResult) -> {
                    if (e instanceof MissingSettingException) {
                        cl.getErr().println("tick-generator: " + e.getMessage());
                        cl.getErr().flush();
                        return CommandLine.ExitCode.USAGE;
                    }
                    cl.getErr().println("tick-generator: error: " + describe(e));
                    cl.getErr().flush();
                    return CommandLine.ExitCode.SOFTWARE;
                });
        return commandLine.execute(args);
    }

    /** The generator's options as the command line reads them: durations, environment and defaults. */
    public static CommandLine commandLine(GeneratorConfig config) {
        return commandLine(config, SettingValues.ofProcess());
    }

    private static CommandLine commandLine(GeneratorConfig config, SettingValues settings) {
        return new CommandLine(config)
                .registerConverter(Duration.class, new DurationConverter())
                .setDefaultValueProvider(new SettingDefaults(settings))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Bad input: the reason, suggestions for a mistyped flag, then the full usage. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("tick-generator: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        commandLine.usage(err);
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static String describe(Exception e) {
        if (e instanceof GeneratorException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * SIGINT/SIGTERM end the run gracefully (flush, totals, exit 0) instead of killing the JVM; a second signal
     * while stopping exits at once. A shutdown hook could flush too, but the JVM would then always exit with
     * 128 + signal; {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's way to handle the signal itself.
     */
    private static void handleStopSignals(StopSignal stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                if (stop.isRequested()) {
                    Runtime.getRuntime().halt(128 + signal.getNumber());
                }
                stop.request();
            });
        }
    }
}
