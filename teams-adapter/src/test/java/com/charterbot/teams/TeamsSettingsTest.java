package com.charterbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsSettingsTest {

    private final TeamsSettings publicTeams =
            new TeamsSettings("app", "secret-value", "tenant", TeamsSettings.PUBLIC_TEAMS_SERVICE_URLS, "");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://smba.trafficmanager.net/amer/",
                "https://smba.trafficmanager.net/emea/",
                "https://SMBA.trafficmanager.net/teams/",
                "https://smba.trafficmanager.net:443/apac/"
            })
    void allowsTeamsPublicServiceUrls(String url) {
        assertThat(publicTeams.allowsServiceUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://smba.trafficmanager.net.evil.example/amer/",
                "http://smba.trafficmanager.net/amer/",
                "https://smba.trafficmanager.net@evil.example/amer/",
                "https://evil.example/smba.trafficmanager.net/",
                "https://smba.trafficmanager.net:8443/amer/",
                "https://smba.trafficmanager.net/amer/%2e%2e/x",
                "not a url",
                "",
                "https://smba.trafficmanager.net/amer/#x",
                "file:///etc/passwd"
            })
    void refusesEverythingElse(String url) {
        assertThat(publicTeams.allowsServiceUrl(url)).isFalse();
    }

    @Test
    void matchesAPathPrefixOnlyAtASegmentBoundary() {
        TeamsSettings amerOnly = TeamsSettings.unauthenticated(List.of("https://smba.trafficmanager.net/amer"));

        assertThat(amerOnly.allowsServiceUrl("https://smba.trafficmanager.net/amer/"))
                .isTrue();
        assertThat(amerOnly.allowsServiceUrl("https://smba.trafficmanager.net/amerx/"))
                .isFalse();
        assertThat(amerOnly.allowsServiceUrl("https://smba.trafficmanager.net/emea/"))
                .isFalse();
    }

    @Test
    void neverShowsThePassword() {
        assertThat(publicTeams.toString()).doesNotContain("secret-value").contains("appId=app");
    }

    @Test
    void authenticatesOnlyWithAnAppId() {
        assertThat(publicTeams.authenticationEnabled()).isTrue();
        assertThat(TeamsSettings.unauthenticated(List.of()).authenticationEnabled())
                .isFalse();
    }

    @Test
    void refusesAnAppIdWithoutPasswordAndABadAllowList() {
        assertThatThrownBy(() -> new TeamsSettings("app", "", "", List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TeamsSettings.unauthenticated(List.of("ftp://x/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
