package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickSizeTest {

    @ParameterizedTest
    @CsvSource({"1,1", "199,1", "199.9,1", "200,2", "499,2", "500,5", "1999,5", "2000,10", "4999,10",
            "5000,25", "120000,25"})
    void fractionFollowsIdxBands(double price, long expected) {
        assertThat(TickSize.of(price)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"198.6,199", "199.6,200", "499.2,500", "501,500", "503,505", "1998,2000", "2004,2000",
            "4996,5000", "5012,5000", "5013,5025", "0.2,1"})
    void roundSnapsToTheGridOfThePriceLevel(double price, long expected) {
        assertThat(TickSize.round(price)).isEqualTo(expected);
        assertThat(TickSize.isOnGrid(expected)).isTrue();
    }

    @Test
    void ceilAndFloorStayOnTheGridAcrossAllLevels() {
        for (double price = 0.5; price < 8000; price += 0.7) {
            long up = TickSize.ceil(price);
            long down = TickSize.floor(price);
            long nearest = TickSize.round(price);
            assertThat(TickSize.isOnGrid(up)).as("ceil(%s)=%s", price, up).isTrue();
            assertThat(TickSize.isOnGrid(down)).as("floor(%s)=%s", price, down).isTrue();
            assertThat(TickSize.isOnGrid(nearest)).as("round(%s)=%s", price, nearest).isTrue();
            assertThat((double) up).isGreaterThanOrEqualTo(price);
            if (price >= 1) {
                assertThat((double) down).isLessThanOrEqualTo(price);
            }
        }
    }

    @Test
    void offGridPricesAreRecognised() {
        assertThat(TickSize.isOnGrid(201)).isFalse();
        assertThat(TickSize.isOnGrid(502)).isFalse();
        assertThat(TickSize.isOnGrid(2005)).isFalse();
        assertThat(TickSize.isOnGrid(5010)).isFalse();
        assertThat(TickSize.isOnGrid(0)).isFalse();
    }
}
