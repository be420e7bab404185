package io.tradingpipeline.job.window;

import io.tradingpipeline.job.parse.MessageOutcome;
import io.tradingpipeline.job.parse.RejectionCategory;
import java.util.Arrays;

/**
 * Running totals of message outcomes: a pre-aggregated bundle, and the accumulator of a data-quality window.
 * A message counts once as dead-lettered, and once per dead letter under its {@link RejectionCategory} (in event
 * time a message with invalid and late ticks counts under both), by position; state written before a category was
 * added has a shorter array, which grows on the first count of the new category.
 */
public class MessageCounts {
    private static final RejectionCategory[] CATEGORIES = RejectionCategory.values();

    private long messagesRead;
    private long ticksParsed;
    private long messagesDeadLettered;
    private long ticksRejected;
    private long[] deadLetteredByCategory = new long[CATEGORIES.length];

    public void add(MessageOutcome outcome) {
        messagesRead++;
        ticksParsed += outcome.ticksParsed();
        ticksRejected += outcome.ticksRejected();
        if (outcome.deadLettered()) {
            messagesDeadLettered++;
        }
        if (outcome.category() != null) {
            countDeadLetters(outcome.category().ordinal(), 1);
        }
        if (outcome.late()) {
            countDeadLetters(RejectionCategory.LATE.ordinal(), 1);
        }
    }

    public void merge(MessageCounts other) {
        messagesRead += other.messagesRead;
        ticksParsed += other.ticksParsed;
        messagesDeadLettered += other.messagesDeadLettered;
        ticksRejected += other.ticksRejected;
        for (int i = 0; i < other.deadLetteredByCategory.length; i++) {
            countDeadLetters(i, other.deadLetteredByCategory[i]);
        }
    }

    /** The messages dead-lettered for {@code category}. */
    public long deadLettered(RejectionCategory category) {
        int position = category.ordinal();
        return position < deadLetteredByCategory.length ? deadLetteredByCategory[position] : 0;
    }

    private void countDeadLetters(int position, long messages) {
        if (position >= deadLetteredByCategory.length) {
            deadLetteredByCategory = Arrays.copyOf(deadLetteredByCategory, CATEGORIES.length);
        }
        deadLetteredByCategory[position] += messages;
    }

    public long getMessagesRead() {
        return messagesRead;
    }

    public void setMessagesRead(long messagesRead) {
        this.messagesRead = messagesRead;
    }

    public long getTicksParsed() {
        return ticksParsed;
    }

    public void setTicksParsed(long ticksParsed) {
        this.ticksParsed = ticksParsed;
    }

    public long getMessagesDeadLettered() {
        return messagesDeadLettered;
    }

    public void setMessagesDeadLettered(long messagesDeadLettered) {
        this.messagesDeadLettered = messagesDeadLettered;
    }

    public long getTicksRejected() {
        return ticksRejected;
    }

    public void setTicksRejected(long ticksRejected) {
        this.ticksRejected = ticksRejected;
    }

    public long[] getDeadLetteredByCategory() {
        return deadLetteredByCategory;
    }

    public void setDeadLetteredByCategory(long[] deadLetteredByCategory) {
        this.deadLetteredByCategory = deadLetteredByCategory;
    }
}
