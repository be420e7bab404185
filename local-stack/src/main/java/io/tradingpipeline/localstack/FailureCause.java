package io.tradingpipeline.localstack;

import java.util.List;

/**
 * The innermost cause of a failure in Flink's exception history, e.g. {@code RecordTooLargeException} with
 * {@code The message is 1048664 bytes when serialized …}. Connectors wrap what went wrong ({@code
 * FlinkRuntimeException: Failed to send data to Kafka …}), so the outermost exception rarely says it.
 *
 * @param simpleName the exception's class name without its package
 * @param message    the first line of its message, empty when it has none
 */
record FailureCause(String simpleName, String message) {

    private static final String CAUSED_BY = "Caused by: ";
    /** What {@link Throwable#toString()} puts between the class name and the message. */
    private static final String NAME_SEPARATOR = ": ";

    /**
     * From an exception-history entry: its {@code exceptionName} and its {@code stacktrace}, which Flink renders
     * with {@link Throwable#printStackTrace()} and which is the only place the REST API shows the causes. Its first
     * line names the exception, the last line that starts with {@code Caused by: } the innermost cause (causes of
     * suppressed exceptions are indented and do not count).
     */
    static FailureCause of(String exceptionName, String stacktrace) {
        List<String> lines = stacktrace.lines().toList();
        String header = lines.isEmpty() ? exceptionName : lines.get(0);
        for (String line : lines) {
            if (line.startsWith(CAUSED_BY)) {
                header = line.substring(CAUSED_BY.length());
            }
        }
        // A class name never contains ": ", so the first one ends it.
        int separator = header.indexOf(NAME_SEPARATOR);
        return separator < 0 ? new FailureCause(simpleName(header.strip()), "")
                : new FailureCause(simpleName(header.substring(0, separator)),
                header.substring(separator + NAME_SEPARATOR.length()).strip());
    }

    /** {@code RecordTooLargeException: The message is …}, the message cut with … to at most {@code maxLength}. */
    String describe(int maxLength) {
        String full = message.isEmpty() ? simpleName : simpleName + NAME_SEPARATOR + message;
        if (full.length() <= maxLength) {
            return full;
        }
        int cut = maxLength - 1;
        return cut <= simpleName.length() + NAME_SEPARATOR.length() ? simpleName
                : full.substring(0, cut).stripTrailing() + "…";
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
