package io.tradingpipeline.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs to know, apart from its source and sinks.
 *
 * @param topic shown in the source's name
 * @param deadLetterTopic shown in the dead-letter sink's name
 * @param maxMessageBytes larger messages are dead-lettered unparsed
 * @param windowSize of the tumbling processing-time windows
 */
public record TopologySettings(String topic, String deadLetterTopic, int maxMessageBytes, Duration windowSize) {

    public TopologySettings {
        requireNotBlank(topic, "topic");
        requireNotBlank(deadLetterTopic, "deadLetterTopic");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        Objects.requireNonNull(windowSize, "windowSize");
        if (windowSize.isNegative() || windowSize.isZero()) {
            throw new IllegalArgumentException("windowSize must be positive: " + windowSize);
        }
    }

    private static void requireNotBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
