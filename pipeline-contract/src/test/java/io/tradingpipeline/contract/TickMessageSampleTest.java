package io.tradingpipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickMessageSampleTest {

    @Test
    void samplesCoverValidPartlyValidAndUnusableMessages() {
        List<TickMessageSample> samples = TickMessageSample.all();

        assertThat(samples).extracting(TickMessageSample::name).doesNotHaveDuplicates();
        assertThat(samples).anyMatch(sample -> sample.problem() == null);
        assertThat(samples).anyMatch(sample -> sample.problem() != null && sample.acceptedIds().length > 0);
        assertThat(samples).anyMatch(sample -> sample.problem() != null && sample.acceptedIds().length == 0);
    }

    @Test
    void validSamplesUseExactlyTheFormatsKeys() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (TickMessageSample sample : TickMessageSample.all()) {
            if (sample.problem() == null && sample.message().startsWith("[")) {
                json.readTree(sample.message()).forEach(tick -> assertThat(tick.has(TickFormat.ID)
                        && tick.has(TickFormat.TICKER) && tick.has(TickFormat.SECTOR) && tick.has(TickFormat.PRICE)
                        && tick.has(TickFormat.VOLUME) && tick.has(TickFormat.MARKET_CAP)
                        && tick.has(TickFormat.CREATED_AT)).as(sample.name()).isTrue());
            }
        }
    }
}
