package io.tradingpipeline.job.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tradingpipeline.job.model.Tick;
import io.tradingpipeline.job.source.MessageHeader;
import io.tradingpipeline.job.source.RawMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The event-time parse step leaves the same data-quality outcome per message as the processing-time one. */
@SuppressWarnings("try") // the harness's close() declares Exception
class EventTimeTickRouterTest {
    private final TickParser parser = new TickParser(4_096);

    @Test
    void everyMessageLeavesOneOutcomeAndEachProblemItsDeadLetter() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<ParsedRecord, Tick>(
                new EventTimeTickRouter(Duration.ofMinutes(1)))) {
            harness.open();
            harness.processElement(record(0, "[" + tick(1, "10:32:30", 100) + "]"));
            // Closes the window of 10:31.
            harness.processWatermark(new Watermark(Instant.parse("2024-09-05T10:32:24.999Z").toEpochMilli()));
            harness.processElement(record(1, "[" + tick(2, "10:31:40", 100) + "," + tick(3, "10:32:31", 100) + ","
                    + tick(4, "10:32:32", -1) + "]"));
            harness.processElement(record(2, "{oops"));

            assertThat(harness.getSideOutput(TickExplodeFunction.MESSAGE_OUTCOMES)).extracting(StreamRecord::getValue)
                    .containsExactly(new MessageOutcome(1, 0, null, false),
                            new MessageOutcome(2, 1, RejectionCategory.INVALID_TICK, true),
                            new MessageOutcome(0, 0, RejectionCategory.NOT_JSON, false));
            assertThat(harness.getSideOutput(TickExplodeFunction.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                    .extracting(deadLetter -> deadLetter.message().offset(), DeadLetter::category,
                            DeadLetter::latenessMillis, deadLetter -> Arrays.toString(deadLetter.rejectedIndexes()))
                    .containsExactlyInAnyOrder(
                            tuple(1L, RejectionCategory.INVALID_TICK, DeadLetter.NOT_LATE, "[2]"),
                            tuple(1L, RejectionCategory.LATE, 44_999L, "[0]"),
                            tuple(2L, RejectionCategory.NOT_JSON, DeadLetter.NOT_LATE, "[]"));
        }
    }

    private StreamRecord<ParsedRecord> record(long offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        RawMessage message = new RawMessage("trading_data", 0, offset, 0, null, bytes, new MessageHeader[0]);
        return new StreamRecord<>(new ParsedRecord(message, parser.parse(bytes)));
    }

    private static String tick(long id, String time, long volume) {
        return "{\"id\": " + id + ", \"ticker\": \"ALTO.JK\", \"created_at\": \"2024-09-05 " + time + "\", "
                + "\"price\": 100, \"market_cap\": 538000, \"volume\": " + volume + ", \"sector\": \"Beverages\"}";
    }
}
