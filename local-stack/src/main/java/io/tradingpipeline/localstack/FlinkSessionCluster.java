package io.tradingpipeline.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Flink 1.20 standalone session cluster (one JobManager, one TaskManager, each in a JVM of its own)
 * built from Maven artifacts instead of a Flink distribution, with the web UI on {@link #webUiUrl()} and
 * the real {@code flink} command line ({@link #run}) to submit jobs, as users do on a production cluster.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    static final String NAME = "Flink";
    private static final Logger LOG = LoggerFactory.getLogger(FlinkSessionCluster.class);
    private static final String CLASSPATH_MODULE = "flink-cluster";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** TaskManagers notice a lost JobManager after a heartbeat timeout (8 s), then register with the new one. */
    private static final Duration TASK_MANAGER_RECONNECT_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SUBMISSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(2);
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Flink's own {@code env.java.opts.all} for Java 17 (from the stock config.yaml of the distribution). */
    static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");


    private final Path dir;
    private final Path confDir;
    private final int restPort;
    private final Map<String, String> environment;
    private ServerProcess jobManager;
    private final List<ServerProcess> taskManagers = new ArrayList<>();

    private FlinkSessionCluster(Path dir, Path confDir, int restPort, Map<String, String> environment,
                                ServerProcess jobManager) {
        this.dir = dir;
        this.confDir = confDir;
        this.restPort = restPort;
        this.environment = environment;
        this.jobManager = jobManager;
    }

    /**
     * Starts the cluster with its configuration, checkpoints, savepoints and logs under {@code dir}.
     *
     * @param requestedRestPort the web UI / REST port, 0 for a free one
     * @param taskSlots         slots of the TaskManager, i.e. the highest parallelism a job can run with
     */
    public static FlinkSessionCluster start(Path dir, int requestedRestPort, int taskSlots) {
        int restPort = restPort(requestedRestPort);
        if (Ports.isListening(restPort)) {
            throw new LocalStackStartupException(NAME + " cannot use REST port " + restPort + ": it is taken");
        }
        Path confDir = LocalFiles.createDirectories(dir.resolve("conf"));
        Path logDir = LocalFiles.createDirectories(dir.resolve("log"));
        LocalFiles.write(confDir.resolve("config.yaml"), config(dir, restPort, taskSlots));
        LocalFiles.write(confDir.resolve("log4j.properties"), log4jConfig());
        LocalFiles.write(confDir.resolve("log4j-cli.properties"), log4jConfig());
        Map<String, String> environment = Map.of("FLINK_CONF_DIR", confDir.toString(),
                "FLINK_LOG_DIR", logDir.toString());

        ServerProcess jobManager = startComponent("Flink JobManager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", confDir,
                logDir.resolve("jobmanager.log"), environment, dir);
        awaitRestApi(jobManager, restPort);

        FlinkSessionCluster cluster = new FlinkSessionCluster(dir, confDir, restPort, environment, jobManager);
        try {
            cluster.startTaskManager();
        } catch (RuntimeException e) {
            jobManager.stop();
            throw e;
        }
        return cluster;
    }

    /**
     * The requested port, or a free one: a free port may be taken again before the JobManager binds it (by a
     * server starting at the same time), then another one is picked rather than failing.
     */
    private static int restPort(int requested) {
        int port = Ports.resolve(requested);
        for (int attempt = 0; requested == 0 && attempt < 5 && Ports.isListening(port); attempt++) {
            port = Ports.free();
        }
        return port;
    }

    /** Starts one more TaskManager and waits until the JobManager counts it. */
    public synchronized void startTaskManager() {
        taskManagers.removeIf(taskManager -> !taskManager.isAlive());
        int expected = taskManagers.size() + 1;
        ServerProcess taskManager = startComponent("Flink TaskManager", "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", confDir,
                dir.resolve("log").resolve("taskmanager.log"), environment, dir);
        taskManagers.add(taskManager);
        taskManager.awaitReady(READY_TIMEOUT, () -> registeredTaskManagers() == expected);
    }

    /**
     * Kills the JobManager with SIGKILL, as a lost machine would. Without high availability the cluster forgets
     * its jobs with it; their retained checkpoints stay (see {@link LocalRun#resumeJob()}).
     */
    public synchronized void killJobManager() {
        jobManager.kill();
    }

    /**
     * Starts the killed JobManager again on its ports and configuration and waits until its REST API answers and
     * every live TaskManager has registered with it again.
     */
    public synchronized void startJobManagerAgain() {
        if (jobManager.isAlive()) {
            throw new IllegalStateException("the JobManager (pid " + jobManager.pid() + ") is still running");
        }
        jobManager = jobManager.startAgain();
        awaitRestApi(jobManager, restPort);
        taskManagers.removeIf(taskManager -> !taskManager.isAlive());
        int expected = taskManagers.size();
        if (!taskManagersRegisterWithin(expected, TASK_MANAGER_RECONNECT_TIMEOUT)) {
            // Seen once on a loaded machine: a TaskManager that never registered with the new JobManager.
            LOG.warn("the TaskManagers did not register with the restarted JobManager within {} s; replacing them",
                    TASK_MANAGER_RECONNECT_TIMEOUT.toSeconds());
            killTaskManagers();
            for (int i = 0; i < expected; i++) {
                startTaskManager();
            }
        }
    }

    private boolean taskManagersRegisterWithin(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (registeredTaskManagers() == expected) {
                    return true;
                }
            } catch (IOException e) {
                LOG.debug("the JobManager's REST API did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the TaskManagers", e);
            }
            ServerProcess.sleep(Duration.ofMillis(250));
        }
        return false;
    }

    private static void awaitRestApi(ServerProcess jobManager, int restPort) {
        jobManager.awaitReady(READY_TIMEOUT,
                () -> JSON.readTree(LoopbackHttp.get(restPort, "/overview")).hasNonNull("flink-version"));
    }

    /** The TaskManagers registered with the JobManager's resource manager. */
    private int registeredTaskManagers() throws IOException, InterruptedException {
        return JSON.readTree(LoopbackHttp.get(restPort, "/overview")).path("taskmanagers").asInt(-1);
    }

    /** Kills the TaskManagers with SIGKILL, as a lost machine would; the JobManager notices within seconds. */
    public synchronized void killTaskManagers() {
        taskManagers.forEach(ServerProcess::kill);
        taskManagers.clear();
    }

    public String webUiUrl() {
        return "http://" + Ports.LOOPBACK + ":" + restPort;
    }

    public int restPort() {
        return restPort;
    }

    /** The directory to point {@code FLINK_CONF_DIR} at for Flink's command line. */
    public Path confDir() {
        return confDir;
    }

    /**
     * {@code flink run -d <jobJar> <arguments>} with the real Flink command line against this cluster.
     * The job's {@code main} runs in the command-line JVM, so {@code environment} reaches it there.
     *
     * @return the id of the submitted job
     * @throws IllegalStateException with the command's output when the submission fails
     */
    public String run(Path jobJar, List<String> arguments, Map<String, String> environment) {
        return run(jobJar, null, arguments, environment);
    }

    /** {@code flink run -d -s <restoreFrom> <jobJar> <arguments>}: the job resumes from a savepoint or checkpoint. */
    public String run(Path jobJar, Path restoreFrom, List<String> arguments, Map<String, String> environment) {
        List<String> cli = new ArrayList<>(List.of("run", "-d"));
        if (restoreFrom != null) {
            cli.addAll(List.of("-s", restoreFrom.toUri().toString()));
        }
        cli.add(jobJar.toAbsolutePath().toString());
        cli.addAll(arguments);
        Set<String> before = jobIds();
        String output = flinkCommand(cli, environment);
        long deadline = System.nanoTime() + SUBMISSION_TIMEOUT.toNanos();
        do {
            Set<String> submitted = jobIds();
            submitted.removeAll(before);
            if (submitted.size() == 1) {
                return submitted.iterator().next();
            }
            if (submitted.size() > 1) {
                throw new IllegalStateException("more than one job appeared while flink run submitted " + jobJar
                        + ": " + submitted);
            }
            sleep(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("flink run did not submit " + jobJar + " within " + SUBMISSION_TIMEOUT
                + ":\n" + output);
    }

    /** The ids of every job the cluster knows, whatever its state. */
    private Set<String> jobIds() {
        Set<String> ids = new HashSet<>();
        readJson("/jobs/overview").path("jobs").forEach(job -> ids.add(job.path("jid").asText()));
        return ids;
    }

    /**
     * {@code flink stop --savepointPath <savepoints dir> <jobId>}: a savepoint, then the job finishes.
     *
     * @return the savepoint's directory
     */
    public Path stopWithSavepoint(String jobId) {
        ObjectNode request = JSON.createObjectNode()
                .put("targetDirectory", savepointsDir().toUri().toString())
                .put("drain", false);
        String triggerId;
        try {
            triggerId = JSON.readTree(LoopbackHttp.post(restPort, "/jobs/" + jobId + "/stop", request.toString()))
                    .path("request-id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop job " + jobId + " with a savepoint: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + SAVEPOINT_TIMEOUT.toNanos();
        do {
            JsonNode status = readJson("/jobs/" + jobId + "/savepoints/" + triggerId);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.hasNonNull("location")) {
                    return Path.of(URI.create(operation.path("location").asText()));
                }
                String cause = operation.path("failure-cause").path("stack-trace").asText("no reason given");
                throw new IllegalStateException("the savepoint of job " + jobId + " failed: "
                        + cause.lines().findFirst().orElse(cause));
            }
            sleep(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the savepoint of job " + jobId + " did not complete within " + SAVEPOINT_TIMEOUT);
    }

    /** Where the cluster's jobs keep their retained checkpoints, one directory per job. */
    public Path checkpointsDir() {
        return dir.resolve("checkpoints");
    }

    public Path savepointsDir() {
        return dir.resolve("savepoints");
    }

    /** The job's state as the REST API reports it, e.g. RUNNING, or an empty string for a job it does not know. */
    public String jobState(String jobId) {
        try {
            for (JsonNode job : JSON.readTree(rest("/jobs/overview")).path("jobs")) {
                if (job.path("jid").asText().equals(jobId)) {
                    return job.path("state").asText();
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readJson(String path) {
        try {
            return JSON.readTree(rest(path));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from GET " + path, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET on the REST API, e.g. {@code rest("/jobs/<id>/checkpoints")}. */
    public String rest(String path) {
        try {
            return LoopbackHttp.get(restPort, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the TaskManagers, then the JobManager. */
    @Override
    public synchronized void close() {
        taskManagers.forEach(ServerProcess::stop);
        jobManager.stop();
    }

    /** The process id of the JobManager JVM. */
    public synchronized long jobManagerPid() {
        return jobManager.pid();
    }

    /** The process ids of the TaskManager JVMs started so far (killed ones included). */
    public synchronized List<Long> taskManagerPids() {
        return taskManagers.stream().map(ServerProcess::pid).toList();
    }

    synchronized List<ServerProcess> processes() {
        List<ServerProcess> processes = new ArrayList<>(taskManagers);
        processes.add(0, jobManager);
        return processes;
    }

    private String flinkCommand(List<String> arguments, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(cliCommand(confDir, arguments)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        return runToCompletion(builder, "flink " + arguments.get(0));
    }

    /** The command line of Flink's {@code flink} command (CliFrontend) for the cluster configured in {@code confDir}. */
    static List<String> cliCommand(Path confDir, List<String> arguments) {
        Path logDir = confDir.resolveSibling("log");
        JavaCommand java = JavaCommand.ofRecordedClasspath(CLASSPATH_MODULE)
                .jvmOptions(JAVA_17_OPTIONS.toArray(String[]::new))
                .jvmOptions("-Dlog4j.configurationFile=" + confDir.resolve("log4j-cli.properties"),
                        "-Dlog.file=" + logDir.resolve("flink-cli.log"));
        return java.mainClass("org.apache.flink.client.cli.CliFrontend", arguments.toArray(String[]::new));
    }

    private static ServerProcess startComponent(String name, String resourceCommand, String mainClass, Path confDir,
                                                Path log, Map<String, String> environment, Path workDir) {
        JavaCommand java = JavaCommand.ofRecordedClasspath(CLASSPATH_MODULE);
        // What Flink's own start scripts do: let Flink derive the JVM memory flags and the dynamic
        // properties (memory sizes, CPU cores) from config.yaml.
        List<String> resourceParams = resourceParameters(java, resourceCommand, confDir);
        List<String> jvmOptions = new ArrayList<>(JAVA_17_OPTIONS);
        jvmOptions.addAll(split(resourceParams.get(0)));
        jvmOptions.add("-XX:+UseSerialGC");
        jvmOptions.add("-Dlog.file=" + log);
        jvmOptions.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties"));
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir.toString()));
        arguments.addAll(split(resourceParams.get(1)));
        List<String> command = java.jvmOptions(jvmOptions.toArray(String[]::new))
                .mainClass(mainClass, arguments.toArray(String[]::new));
        Path console = log.resolveSibling(log.getFileName().toString().replace(".log", ".out"));
        return ServerProcess.start(name, command, environment, workDir, console, log);
    }

    /** The JVM parameters and the dynamic properties that Flink's BashJavaUtils prints for a component. */
    private static List<String> resourceParameters(JavaCommand java, String resourceCommand, Path confDir) {
        ProcessBuilder builder = new ProcessBuilder(java.mainClass("org.apache.flink.runtime.util.bash.BashJavaUtils",
                resourceCommand, "--configDir", confDir.toString())).redirectErrorStream(true);
        String output = runToCompletion(builder, "BashJavaUtils " + resourceCommand);
        List<String> results = output.lines()
                .filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()))
                .toList();
        if (results.size() < 2) {
            throw new LocalStackStartupException(NAME + " could not derive its memory settings:\n" + output);
        }
        return results.subList(results.size() - 2, results.size());
    }

    private static String runToCompletion(ProcessBuilder builder, String what) {
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + CLI_TIMEOUT.toMinutes() + " min");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        }
    }

    private static List<String> split(String parameters) {
        return Arrays.stream(parameters.trim().split("\\s+")).filter(part -> !part.isEmpty()).toList();
    }

    /**
     * The settings that decide how the cluster schedules and recovers, beside the addresses and directories of one
     * machine; docker compose's {@code FLINK_PROPERTIES} sets the same (a test holds them equal). A lost TaskManager
     * is noticed in seconds rather than after the 50 s default: two heartbeat RPCs to a killed process fail at once,
     * which counts as lost.
     */
    public static Map<String, String> recoverySettings(int taskSlots) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("taskmanager.numberOfTaskSlots", Integer.toString(taskSlots));
        // Jobs that set no parallelism use every slot.
        settings.put("parallelism.default", Integer.toString(taskSlots));
        settings.put("heartbeat.interval", "1000");
        settings.put("heartbeat.timeout", "8000");
        settings.put("heartbeat.rpc-failure-threshold", "2");
        return settings;
    }

    private static String config(Path dir, int restPort, int taskSlots) {
        String checkpoints = dir.resolve("checkpoints").toUri().toString();
        String savepoints = dir.resolve("savepoints").toUri().toString();
        String tmp = LocalFiles.createDirectories(dir.resolve("tmp")).toString();
        List<String> lines = new ArrayList<>(List.of(
                "jobmanager.rpc.address: " + Ports.LOOPBACK,
                "jobmanager.rpc.port: " + Ports.free(),
                "jobmanager.bind-host: " + Ports.LOOPBACK,
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.bind-host: " + Ports.LOOPBACK,
                "taskmanager.host: " + Ports.LOOPBACK,
                "taskmanager.memory.process.size: 1600m",
                "rest.address: " + Ports.LOOPBACK,
                "rest.bind-address: " + Ports.LOOPBACK,
                "rest.port: " + restPort,
                "blob.server.port: " + Ports.free(),
                "state.checkpoints.dir: " + checkpoints,
                "state.savepoints.dir: " + savepoints,
                "io.tmp.dirs: " + tmp,
                "web.tmpdir: " + tmp));
        recoverySettings(taskSlots).forEach((key, value) -> lines.add(key + ": " + value));
        return String.join("\n", lines) + "\n";
    }

    private static String log4jConfig() {
        return String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = FileAppender",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "appender.file.name = FileAppender",
                "appender.file.type = File",
                "appender.file.append = true",
                "appender.file.fileName = ${sys:log.file}",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                "");
    }
}
