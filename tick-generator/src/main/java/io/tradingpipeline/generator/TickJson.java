package io.tradingpipeline.generator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;

/**
 * The message format of {@code trading_data}: one JSON array per round, one object per tick with the keys
 * {@code id, ticker, created_at, price, market_cap, volume, sector} in this order; {@code created_at} is UTC
 * {@code yyyy-MM-dd HH:mm:ss}.
 */
public final class TickJson {

    public static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

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
                    createdAt = CREATED_AT.format(formattedInstant);
                }
                json.writeStartObject();
                json.writeNumberField("id", tick.id());
                json.writeStringField("ticker", tick.ticker());
                json.writeStringField("created_at", createdAt);
                json.writeNumberField("price", tick.price());
                json.writeNumberField("market_cap", tick.marketCap());
                json.writeNumberField("volume", tick.volume());
                json.writeStringField("sector", tick.sector());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ticks as JSON", e);
        }
        return out.toByteArray();
    }

    /**
     * Highest integral {@code id} of the tick objects in a message, or empty when the message is not a JSON
     * array of objects or holds no id (foreign or malformed messages are skipped, not fatal).
     */
    public static OptionalLong maxId(byte[] message) {
        if (message == null) {
            return OptionalLong.empty();
        }
        long max = Long.MIN_VALUE;
        boolean found = false;
        try (JsonParser parser = JSON.createParser(message)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return OptionalLong.empty();
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("id".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                        max = Math.max(max, parser.getLongValue());
                        found = true;
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // malformed from here on: keep whatever ids were read before
        }
        return found ? OptionalLong.of(max) : OptionalLong.empty();
    }
}
