package io.tradingpipeline.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs to know, apart from its source and sinks.
 *
 * @param topic shown in the source's name
 * @param deadLetterTopic shown in the dead-letter sink's name
 * @param maxMessageBytes larger messages are dead-lettered unparsed
 * @param windowSize of the tumbling windows
 * @param windowTime processing-time or event-time windows
 * @param maxOutOfOrderness event time: how far behind the newest tick of its partition a tick may be and still be
 *     sure to reach its window
 * @param sourceIdleTimeout event time: a partition without messages for this long no longer holds windows back
 */
public record TopologySettings(String topic, String deadLetterTopic, int maxMessageBytes, Duration windowSize,
        WindowTime windowTime, Duration maxOutOfOrderness, Duration sourceIdleTimeout) {
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOURCE_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public TopologySettings {
        requireNotBlank(topic, "topic");
        requireNotBlank(deadLetterTopic, "deadLetterTopic");
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        requirePositive(windowSize, "windowSize");
        Objects.requireNonNull(windowTime, "windowTime");
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative: " + maxOutOfOrderness);
        }
        requirePositive(sourceIdleTimeout, "sourceIdleTimeout");
    }

    /** Processing-time windows. */
    public TopologySettings(String topic, String deadLetterTopic, int maxMessageBytes, Duration windowSize) {
        this(topic, deadLetterTopic, maxMessageBytes, windowSize, WindowTime.PROCESSING, DEFAULT_MAX_OUT_OF_ORDERNESS,
                DEFAULT_SOURCE_IDLE_TIMEOUT);
    }

    /** The same settings with event-time windows. */
    public TopologySettings inEventTime(Duration maxOutOfOrderness, Duration sourceIdleTimeout) {
        return new TopologySettings(topic, deadLetterTopic, maxMessageBytes, windowSize, WindowTime.EVENT,
                maxOutOfOrderness, sourceIdleTimeout);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireNotBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
