package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PrivacyPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PrivacyProperties.class)
    static class Bound {}

    @Test
    void keepsUnansweredQuestionsThirtyDaysAndHasNoKeyUnlessConfigured() {
        runner.run(context -> {
            PrivacyProperties privacy = context.getBean(PrivacyProperties.class);
            assertThat(privacy.questionRetention()).isEqualTo(Duration.ofDays(30));
            assertThat(privacy.configuredUserKey()).isEmpty();
        });
    }

    @Test
    void aBlankKeyIsNoKeyAndASetKeyNeverShows() {
        assertThat(new PrivacyProperties(Duration.ofDays(1), "   ").configuredUserKey())
                .isEmpty();
        PrivacyProperties set = new PrivacyProperties(Duration.ofDays(1), " s3cret-pseudonym-key ");
        assertThat(set.configuredUserKey()).contains("s3cret-pseudonym-key");
        assertThat(set.toString()).doesNotContain("s3cret").contains("(set)");
    }

    @Test
    void aRetentionOfZeroStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new PrivacyProperties(Duration.ZERO, null))
                .hasMessageContaining("charter.privacy.question-retention");
        runner.withPropertyValues("charter.privacy.question-retention=-1d")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("charter.privacy.question-retention must be positive"));
    }
}
