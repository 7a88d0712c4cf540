package com.charterbot.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConversationPropertiesTest {

    private static ConversationProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("charter", ConversationProperties.class);
    }

    @Test
    void defaultsToThreeQuestionsHalfAnHourParisAndTrustedPlatformAdmins() {
        ConversationProperties properties = bind(Map.of());

        assertThat(properties.quiz().questions()).isEqualTo(3);
        assertThat(properties.quiz().sessionTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.admins().slackUserIds()).isEmpty();
        assertThat(properties.admins().trustPlatformAdmins()).isTrue();
        assertThat(properties.nudges().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void bindsAdministratorListsAndQuizSettings() {
        ConversationProperties properties = bind(Map.of(
                "charter.admins.slack-user-ids", "U01ADMIN,U02ADMIN",
                "charter.admins.teams-user-ids[0]", "6f1c0a4e-0000-4000-8000-000000000001",
                "charter.admins.trust-platform-admins", "false",
                "charter.quiz.questions", "5",
                "charter.quiz.session-ttl", "10m",
                "charter.nudges.zone", "America/New_York"));

        assertThat(properties.admins().slackUserIds()).containsExactlyInAnyOrder("U01ADMIN", "U02ADMIN");
        assertThat(properties.admins().teamsUserIds()).containsExactly("6f1c0a4e-0000-4000-8000-000000000001");
        assertThat(properties.admins().trustPlatformAdmins()).isFalse();
        assertThat(properties.quiz().questions()).isEqualTo(5);
        assertThat(properties.quiz().sessionTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.nudges().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        assertThatThrownBy(() -> bind(Map.of("charter.nudges.zone", "Mars/Olympus")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("charter.nudges.zone");
    }
}
