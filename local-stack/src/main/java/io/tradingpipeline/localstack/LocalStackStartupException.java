package io.tradingpipeline.localstack;

/** A server of the local stack did not start or did not become ready in time. */
public class LocalStackStartupException extends RuntimeException {

    public LocalStackStartupException(String message) {
        super(message);
    }

    public LocalStackStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
