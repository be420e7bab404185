package io.tradingpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToACap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoffAfter(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
