package io.tradingpipeline.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tradingpipeline.contract.TickFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Writes rounds in the message format of {@link TickFormat}, one JSON array per round, and reads ids back. */
public final class TickJson {

    private static final JsonFactory JSON = new JsonFactory();

    private TickJson() {
    }

    public static byte[] write(List<Tick> round) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(round.size() * 160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            Instant formattedInstant = null;
            String createdAt = null;
            for (Tick tick : round) {
                if (!tick.createdAt().equals(formattedInstant)) {
                    formattedInstant = tick.createdAt();
                    createdAt = TickFormat.CREATED_AT_FORMAT.format(formattedInstant);
                }
                json.writeStartObject();
                json.writeNumberField(TickFormat.ID, tick.id());
                json.writeStringField(TickFormat.TICKER, tick.ticker());
                json.writeStringField(TickFormat.CREATED_AT, createdAt);
                json.writeNumberField(TickFormat.PRICE, tick.price());
                json.writeNumberField(TickFormat.MARKET_CAP, tick.marketCap());
                json.writeNumberField(TickFormat.VOLUME, tick.volume());
                json.writeStringField(TickFormat.SECTOR, tick.sector());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ticks as JSON", e);
        }
        return out.toByteArray();
    }

    /**
     * Highest integral {@code id} of the tick objects in a message (an array of them or a single one), or empty
     * when the message holds no such id (foreign or malformed messages are skipped, not fatal).
     */
    public static OptionalLong maxId(byte[] message) {
        if (message == null) {
            return OptionalLong.empty();
        }
        MaxId max = new MaxId();
        try (JsonParser parser = JSON.createParser(message)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readTickId(parser, max);
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    if (token == JsonToken.START_OBJECT) {
                        readTickId(parser, max);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // malformed from here on: keep whatever ids were read before
        }
        return max.found ? OptionalLong.of(max.value) : OptionalLong.empty();
    }

    /** Reads one tick object's fields, the parser positioned on its START_OBJECT. */
    private static void readTickId(JsonParser parser, MaxId max) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (TickFormat.ID.equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                max.add(parser.getLongValue());
            } else {
                parser.skipChildren();
            }
        }
    }

    private static final class MaxId {
        private long value = Long.MIN_VALUE;
        private boolean found;

        void add(long id) {
            value = Math.max(value, id);
            found = true;
        }
    }
}
