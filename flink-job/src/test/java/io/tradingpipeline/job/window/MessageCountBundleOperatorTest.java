package io.tradingpipeline.job.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.parse.MessageOutcome;
import io.tradingpipeline.job.parse.RejectionCategory;
import java.time.Duration;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the harness's close() declares Exception
class MessageCountBundleOperatorTest {

    @Test
    void emitsOneSumOfTheBundledOutcomesAfterTheDelay() throws Exception {
        try (var harness = harness()) {
            harness.setProcessingTime(1_000);
            harness.processElement(outcome(10, 0, null));
            harness.processElement(outcome(9, 1, RejectionCategory.INVALID_TICK));
            harness.processElement(outcome(0, 0, RejectionCategory.NOT_JSON));
            harness.processElement(outcome(0, 0, RejectionCategory.NOT_JSON));
            harness.setProcessingTime(1_099);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.setProcessingTime(1_100);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(counts -> {
                assertThat(counts.getMessagesRead()).isEqualTo(4);
                assertThat(counts.getTicksParsed()).isEqualTo(19);
                assertThat(counts.getMessagesDeadLettered()).isEqualTo(3);
                assertThat(counts.getTicksRejected()).isEqualTo(1);
                assertThat(counts.deadLettered(RejectionCategory.INVALID_TICK)).isEqualTo(1);
                assertThat(counts.deadLettered(RejectionCategory.NOT_JSON)).isEqualTo(2);
                assertThat(counts.deadLettered(RejectionCategory.EMPTY)).isZero();
            });
        }
    }

    @Test
    void emitsTheBundleBeforeACheckpointBarrierAndNothingWhenEmpty() throws Exception {
        try (var harness = harness()) {
            harness.setProcessingTime(0);
            harness.processElement(outcome(10, 0, null));

            harness.prepareSnapshotPreBarrier(1);

            assertThat(harness.extractOutputValues()).singleElement()
                    .extracting(MessageCounts::getMessagesRead).isEqualTo(1L);
            assertThat(harness.snapshot(1, 1).getManagedOperatorState()).isEmpty();

            harness.prepareSnapshotPreBarrier(2);
            harness.setProcessingTime(1_000);

            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void emitsTheBundleAtTheEndOfInput() throws Exception {
        try (var harness = harness()) {
            harness.setProcessingTime(0);
            harness.processElement(outcome(0, 0, RejectionCategory.EMPTY));

            harness.getOperator().finish(); // what the task does at the end of input

            assertThat(harness.extractOutputValues()).singleElement()
                    .extracting(counts -> counts.deadLettered(RejectionCategory.EMPTY)).isEqualTo(1L);
        }
    }

    private static OneInputStreamOperatorTestHarness<MessageOutcome, MessageCounts> harness() throws Exception {
        var harness = new OneInputStreamOperatorTestHarness<>(new MessageCountBundleOperator(Duration.ofMillis(100)));
        harness.open();
        return harness;
    }

    private static StreamRecord<MessageOutcome> outcome(int parsed, int rejected, RejectionCategory category) {
        return new StreamRecord<>(new MessageOutcome(parsed, rejected, category));
    }
}
