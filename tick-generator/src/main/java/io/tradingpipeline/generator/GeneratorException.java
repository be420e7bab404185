package io.tradingpipeline.generator;

/** A failure the user can act on; its message is printed as is and the program exits with code 1. */
public class GeneratorException extends RuntimeException {

    public GeneratorException(String message) {
        super(message);
    }

    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
