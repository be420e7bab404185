package io.tradingpipeline.localstack;

import java.time.Duration;

/**
 * A server in a process of its own that tests can stop (SIGTERM) or kill (SIGKILL) and start again on its port
 * and data, as an outage or a crash.
 */
abstract class RestartableServer {

    private final int port;
    private final Duration readyTimeout;
    private volatile ServerProcess process;

    RestartableServer(int port, ServerProcess process, Duration readyTimeout) {
        this.port = port;
        this.process = process;
        this.readyTimeout = readyTimeout;
    }

    /** Whether the server, listening on its port, serves requests. */
    abstract boolean answersQueries() throws Exception;

    public int port() {
        return port;
    }

    /** The id of the server's process. */
    public long pid() {
        return process.pid();
    }

    ServerProcess process() {
        return process;
    }

    /** Stops the server (its data stays), as an outage would; {@link #startAgain()} brings it back. */
    public void stop() {
        process.stop();
    }

    /** Kills the server with SIGKILL (its data stays), as a crash would; {@link #startAgain()} brings it back. */
    public void kill() {
        process.kill();
    }

    /** Starts the stopped or killed server again on its port and data, and waits until it answers queries. */
    public synchronized void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("the server (pid " + process.pid() + ") is still running");
        }
        process = process.startAgain();
        process.awaitReady(readyTimeout, () -> Ports.isListening(port) && answersQueries());
    }
}
