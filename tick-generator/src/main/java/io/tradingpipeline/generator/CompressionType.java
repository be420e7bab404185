package io.tradingpipeline.generator;

import java.util.Locale;

/** Producer compression codecs, as accepted by {@code compression.type}. */
public enum CompressionType {
    NONE, GZIP, SNAPPY, LZ4, ZSTD;

    String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
