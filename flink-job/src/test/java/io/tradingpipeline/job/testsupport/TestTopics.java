package io.tradingpipeline.job.testsupport;

import io.tradingpipeline.localstack.LocalStack;

/** A test run's own input and dead-letter topics on the shared stack, named after the run. */
public record TestTopics(String runId, String topic, String deadLetterTopic) {

    /** Creates {@code ticks-<run>} with {@code partitions} partitions and {@code dlq-<run>} with one. */
    public static TestTopics create(LocalStack stack, String name, int partitions) {
        String runId = name + "-" + System.currentTimeMillis();
        TestTopics topics = new TestTopics(runId, "ticks-" + runId, "dlq-" + runId);
        stack.kafka().createTopic(topics.topic(), partitions);
        stack.kafka().createTopic(topics.deadLetterTopic(), 1);
        return topics;
    }
}
