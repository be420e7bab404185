package io.tradingpipeline.job.source;

import io.tradingpipeline.job.parse.ParsedRecord;
import io.tradingpipeline.job.parse.TickParser;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source of raw messages whose reader parses each message as it reads it. Its records thus carry their ticks'
 * event time inside the source, where Flink keeps a watermark per split (per Kafka partition): a partition that
 * lags or is idle holds back, or stops holding back, only itself. Splits, enumerator and their state are the
 * wrapped source's, so a savepoint of either is read by the other.
 */
public final class ParsingSource<SplitT extends SourceSplit, EnumChkT>
        implements Source<ParsedRecord, SplitT, EnumChkT> {
    private final Source<RawMessage, SplitT, EnumChkT> messages;
    private final int maxMessageBytes;

    private ParsingSource(Source<RawMessage, SplitT, EnumChkT> messages, int maxMessageBytes) {
        this.messages = messages;
        this.maxMessageBytes = maxMessageBytes;
    }

    public static <SplitT extends SourceSplit, EnumChkT> ParsingSource<SplitT, EnumChkT> of(
            Source<RawMessage, SplitT, EnumChkT> messages, int maxMessageBytes) {
        return new ParsingSource<>(messages, maxMessageBytes);
    }

    @Override
    public Boundedness getBoundedness() {
        return messages.getBoundedness();
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context)
            throws Exception {
        return messages.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> context,
            EnumChkT checkpoint) throws Exception {
        return messages.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SplitT> getSplitSerializer() {
        return messages.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer() {
        return messages.getEnumeratorCheckpointSerializer();
    }

    @Override
    public SourceReader<ParsedRecord, SplitT> createReader(SourceReaderContext context) throws Exception {
        return new Reader<>(messages.createReader(context), new TickParser(maxMessageBytes));
    }

    /** The wrapped reader, with outputs that parse what it emits. */
    private static final class Reader<SplitT extends SourceSplit> implements SourceReader<ParsedRecord, SplitT> {
        private final SourceReader<RawMessage, SplitT> messages;
        private final TickParser parser;
        private ReaderOutput<ParsedRecord> target;
        private ParsingReaderOutput output;

        Reader(SourceReader<RawMessage, SplitT> messages, TickParser parser) {
            this.messages = messages;
            this.parser = parser;
        }

        @Override
        public void start() {
            messages.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<ParsedRecord> readerOutput) throws Exception {
            if (readerOutput != target) {
                target = readerOutput;
                output = new ParsingReaderOutput(readerOutput, parser);
            }
            return messages.pollNext(output);
        }

        @Override
        public List<SplitT> snapshotState(long checkpointId) {
            return messages.snapshotState(checkpointId);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return messages.isAvailable();
        }

        @Override
        public void addSplits(List<SplitT> splits) {
            messages.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            messages.notifyNoMoreSplits();
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            messages.handleSourceEvents(event);
        }

        @Override
        public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
            messages.pauseOrResumeSplits(toPause, toResume);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            messages.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            messages.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void close() throws Exception {
            messages.close();
        }
    }

    /** Parses each message handed to it and passes it on, with its timestamp, to the output of its split. */
    private static class ParsingOutput implements SourceOutput<RawMessage> {
        private final SourceOutput<ParsedRecord> target;
        final TickParser parser;

        ParsingOutput(SourceOutput<ParsedRecord> target, TickParser parser) {
            this.target = target;
            this.parser = parser;
        }

        @Override
        public void collect(RawMessage message) {
            target.collect(new ParsedRecord(message, parser.parse(message.value())));
        }

        @Override
        public void collect(RawMessage message, long timestamp) {
            target.collect(new ParsedRecord(message, parser.parse(message.value())), timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            target.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            target.markIdle();
        }

        @Override
        public void markActive() {
            target.markActive();
        }
    }

    /** The reader's output, whose per-split outputs parse as well. */
    private static final class ParsingReaderOutput extends ParsingOutput implements ReaderOutput<RawMessage> {
        private final ReaderOutput<ParsedRecord> target;

        ParsingReaderOutput(ReaderOutput<ParsedRecord> target, TickParser parser) {
            super(target, parser);
            this.target = target;
        }

        @Override
        public SourceOutput<RawMessage> createOutputForSplit(String splitId) {
            return new ParsingOutput(target.createOutputForSplit(splitId), parser);
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            target.releaseOutputForSplit(splitId);
        }
    }
}
