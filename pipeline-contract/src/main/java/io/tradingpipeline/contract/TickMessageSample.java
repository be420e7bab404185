package io.tradingpipeline.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * A message of the topic {@code trading_data} with what each side makes of it, from {@code tick-messages.json}:
 * the tests of the generator and of the job both read these, so the two cannot drift apart.
 *
 * @param acceptedIds the ids of the ticks the job keeps, in message order
 * @param problem what the job reports about the rest (a whole message's reason, or {@code tick[i]: …} parts);
 *     null when every tick is kept
 * @param highestId the highest integral {@code id} of any tick object, which the generator continues above;
 *     null when there is none
 */
public record TickMessageSample(String name, String message, long[] acceptedIds, String problem, Long highestId) {

    public static List<TickMessageSample> all() {
        try (InputStream in = TickMessageSample.class.getResourceAsStream("tick-messages.json")) {
            return List.of(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, TickMessageSample[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample tick messages", e);
        }
    }

    public byte[] bytes() {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    public OptionalLong highestIdValue() {
        return highestId == null ? OptionalLong.empty() : OptionalLong.of(highestId);
    }

    @Override
    public String toString() {
        return name + " (ids " + Arrays.toString(acceptedIds) + ")";
    }
}
