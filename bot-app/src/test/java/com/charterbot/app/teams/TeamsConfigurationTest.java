package com.charterbot.app.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.teams.TeamsSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class TeamsConfigurationTest {

    private final TeamsConfiguration configuration = new TeamsConfiguration();

    private static TeamsProperties properties(String appId, String password, String tenant) {
        return new TeamsProperties(
                true,
                appId,
                password,
                tenant,
                List.of("https://smba.trafficmanager.net/"),
                Set.of(),
                "",
                DataSize.ofKilobytes(256));
    }

    @Test
    void refusesToStartInProductionWithoutAnAppId() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> configuration.teamsSettings(properties("", "", ""), production))
                .isInstanceOfSatisfying(StartupRefusal.class, refusal -> {
                    assertThat(refusal.problem()).contains("without an app id");
                    assertThat(refusal.action()).contains("MICROSOFT_APP_ID", "CHARTER_TEAMS_ENABLED=false");
                });
    }

    @Test
    void startsWithoutAuthenticationOutsideProduction() {
        TeamsSettings settings = configuration.teamsSettings(properties("", "", ""), new MockEnvironment());

        assertThat(settings.authenticationEnabled()).isFalse();
    }

    @Test
    void readsTheBotFrameworksUsualVariablesWhenNothingIsConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("MICROSOFT_APP_ID", "9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19")
                .withProperty("MICROSOFT_APP_PASSWORD", "from-the-environment")
                .withProperty("MICROSOFT_APP_TENANT_ID", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        environment.setActiveProfiles("prod");

        TeamsSettings settings = configuration.teamsSettings(properties("", "", ""), environment);

        assertThat(settings.appId()).isEqualTo("9f3c2b1a-0e4d-4c5b-8a7f-6e5d4c3b2a19");
        assertThat(settings.appPassword()).isEqualTo("from-the-environment");
        assertThat(settings.tenantId()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
    }

    @Test
    void preferItsOwnPropertiesToTheVariables() {
        MockEnvironment environment = new MockEnvironment().withProperty("MICROSOFT_APP_ID", "from-the-environment");

        TeamsSettings settings = configuration.teamsSettings(properties("configured", "secret", "tenant"), environment);

        assertThat(settings.appId()).isEqualTo("configured");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(properties("app", "very-secret", "t").toString()).doesNotContain("very-secret");
    }
}
