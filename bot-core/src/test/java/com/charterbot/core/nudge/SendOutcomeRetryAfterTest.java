package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendOutcomeRetryAfterTest {

    @Test
    void readsDeltaSecondsAndFallsBackToOneSecondOnAnythingElse() {
        assertThat(SendOutcome.RateLimited.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SendOutcome.RateLimited.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        assertThat(SendOutcome.RateLimited.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SendOutcome.RateLimited.retryAfter("")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SendOutcome.RateLimited.retryAfter("-5")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SendOutcome.RateLimited.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"))
                .as("an HTTP date is not waited for")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SendOutcome.RateLimited.retryAfter("9999999999"))
                .as("more than 9 digits is not believed")
                .isEqualTo(Duration.ofSeconds(1));
    }
}
