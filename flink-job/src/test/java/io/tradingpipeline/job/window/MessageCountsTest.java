package io.tradingpipeline.job.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingpipeline.job.parse.MessageOutcome;
import io.tradingpipeline.job.parse.RejectionCategory;
import org.junit.jupiter.api.Test;

class MessageCountsTest {

    @Test
    void mergesEveryTotalAndEveryCategory() {
        MessageCounts a = counts(new MessageOutcome(10, 0, null), new MessageOutcome(0, 0, RejectionCategory.EMPTY));
        MessageCounts b = counts(new MessageOutcome(8, 2, RejectionCategory.INVALID_TICK),
                new MessageOutcome(0, 0, RejectionCategory.EMPTY));

        a.merge(b);

        assertThat(a.getMessagesRead()).isEqualTo(4);
        assertThat(a.getTicksParsed()).isEqualTo(18);
        assertThat(a.getMessagesDeadLettered()).isEqualTo(3);
        assertThat(a.getTicksRejected()).isEqualTo(2);
        assertThat(a.deadLettered(RejectionCategory.EMPTY)).isEqualTo(2);
        assertThat(a.deadLettered(RejectionCategory.INVALID_TICK)).isEqualTo(1);
        assertThat(a.deadLettered(RejectionCategory.NOT_JSON)).isZero();
    }

    /** Window state written before the last category was added holds one count less. */
    @Test
    void countsACategoryThatStateFromBeforeItDoesNotHold() {
        RejectionCategory newest = RejectionCategory.values()[RejectionCategory.values().length - 1];
        MessageCounts restored = new MessageCounts();
        restored.setDeadLetteredByCategory(new long[RejectionCategory.values().length - 1]);
        assertThat(restored.deadLettered(newest)).isZero();

        restored.merge(counts(new MessageOutcome(0, 0, newest)));
        restored.add(new MessageOutcome(0, 0, newest));

        assertThat(restored.deadLettered(newest)).isEqualTo(2);
        assertThat(restored.getMessagesDeadLettered()).isEqualTo(2);
    }

    /** Event time: a message with invalid and late ticks got two dead letters, and is one message dead-lettered. */
    @Test
    void countsAMessageOnceAndEachOfItsDeadLettersUnderItsCategory() {
        MessageCounts counts = counts(new MessageOutcome(3, 1, RejectionCategory.INVALID_TICK, true),
                new MessageOutcome(2, 0, null, true), new MessageOutcome(4, 0, null, false));

        assertThat(counts.getMessagesRead()).isEqualTo(3);
        assertThat(counts.getTicksParsed()).isEqualTo(9);
        assertThat(counts.getTicksRejected()).isEqualTo(1);
        assertThat(counts.getMessagesDeadLettered()).isEqualTo(2);
        assertThat(counts.deadLettered(RejectionCategory.INVALID_TICK)).isEqualTo(1);
        assertThat(counts.deadLettered(RejectionCategory.LATE)).isEqualTo(2);
    }

    /** State of a job from before the late category (five categories) counts late messages once restored. */
    @Test
    void countsLateMessagesIntoStateFromBeforeTheLateCategory() {
        MessageCounts restored = new MessageCounts();
        restored.setDeadLetteredByCategory(new long[RejectionCategory.LATE.ordinal()]);
        restored.add(new MessageOutcome(0, 0, RejectionCategory.EMPTY));

        restored.add(new MessageOutcome(1, 0, null, true));

        assertThat(restored.deadLettered(RejectionCategory.EMPTY)).isEqualTo(1);
        assertThat(restored.deadLettered(RejectionCategory.LATE)).isEqualTo(1);
        assertThat(restored.getMessagesDeadLettered()).isEqualTo(2);
    }

    private static MessageCounts counts(MessageOutcome... outcomes) {
        MessageCounts counts = new MessageCounts();
        for (MessageOutcome outcome : outcomes) {
            counts.add(outcome);
        }
        return counts;
    }
}
