package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackSettingsTest {

    private static final String SECRET = "s3cr3t-signing-value";
    private static final String BOT = "xoxb-123-456-botsecretvalue";
    private static final String APP = "xapp-1-A1-789-appsecretvalue";

    @Test
    void httpModeNeedsASigningSecretAndABotTokenAndTakesTheDefaults() {
        SlackSettings settings = SlackSettings.http(SECRET, BOT);

        assertThat(settings.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(settings.command()).isEqualTo("/charter");
        assertThat(settings.adminCacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.apiTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.socketMode()).isFalse();
        assertThat(settings.httpMode()).isTrue();
    }

    @Test
    void anAppTokenMeansSocketMode() {
        SlackSettings settings = new SlackSettings(null, BOT, APP, null, null, null, null);

        assertThat(settings.socketMode()).isTrue();
        assertThat(settings.httpMode()).isFalse();
    }

    @Test
    void blankSecretsCountAsAbsent() {
        SlackSettings settings = new SlackSettings(SECRET, BOT, "  ", " ", "", null, null);

        assertThat(settings.appToken()).isNull();
        assertThat(settings.socketMode()).isFalse();
        assertThat(settings.apiUrl()).isEqualTo(SlackSettings.DEFAULT_API_URL);
        assertThat(settings.command()).isEqualTo(SlackSettings.DEFAULT_COMMAND);
    }

    @Test
    void aMissingBotTokenIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlackSettings.http(SECRET, null))
                .withMessageContaining(
                        "botToken (one workspace) or the OAuth distribution settings (any number of workspaces) are required");
    }

    @Test
    void anAppInstalledThroughOAuthHasNoBotTokenOfItsOwn() {
        SlackSettings.Distribution oauth = new SlackSettings.Distribution(
                "1234.5678", "client-" + SECRET, "s".repeat(32), "https://bot.example.com/slack/oauth_redirect", null);
        SlackSettings settings = new SlackSettings(SECRET, null, null, null, null, null, null, oauth);

        assertThat(settings.distributed()).isTrue();
        assertThat(oauth.refreshBefore()).isEqualTo(SlackSettings.Distribution.DEFAULT_REFRESH_BEFORE);
        assertThat(settings.toString()).doesNotContain(SECRET, "s".repeat(32)).contains("1234.5678");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings(SECRET, BOT, null, null, null, null, null, oauth))
                .withMessageContaining("exclude each other")
                .withMessageNotContaining(BOT);
    }

    @Test
    void oauthSettingsNameWhatIsWrongWithoutShowingSecrets() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings.Distribution(
                        "not an id",
                        "",
                        "short-" + SECRET.substring(0, 3),
                        "http://bot.example.com/elsewhere",
                        Duration.ofHours(12)))
                .withMessageContaining("clientId is required")
                .withMessageContaining("clientSecret is required")
                .withMessageContaining("stateSecret is required, at least 32 characters")
                .withMessageContaining("redirectUri must be an absolute https URL ending with /slack/oauth_redirect")
                .withMessageContaining("refreshBefore must be between 0 and 11 hours")
                .withMessageNotContaining(SECRET.substring(0, 3));
        assertThat(new SlackSettings.Distribution(
                                "1.2", "x", "y".repeat(32), "http://localhost:8080/slack/oauth_redirect", null)
                        .redirectUri())
                .as("plain http only for a local trial")
                .isEqualTo("http://localhost:8080/slack/oauth_redirect");
    }

    @Test
    void aUserTokenInPlaceOfTheBotTokenIsRefusedWithoutShowingIt() {
        String userToken = "xoxp-999-888-usersecretvalue";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SlackSettings.http(SECRET, userToken))
                .withMessageContaining("botToken must be a bot token (starting with \"xoxb-\")")
                .withMessageNotContaining(userToken)
                .withMessageNotContaining("usersecretvalue");
    }

    @Test
    void neitherSigningSecretNorAppTokenIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings(null, BOT, null, null, null, null, null))
                .withMessageContaining("either signingSecret (HTTP mode) or appToken (Socket Mode) is required");
    }

    @Test
    void aBotTokenInPlaceOfTheAppTokenIsRefusedWithoutShowingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings(SECRET, BOT, BOT, null, null, null, null))
                .withMessageContaining("appToken must be an app-level token")
                .withMessageNotContaining(BOT)
                .withMessageNotContaining("botsecretvalue");
    }

    @Test
    void everyProblemIsListedAtOnceAndNoValueIsShown() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings(
                        SECRET,
                        "bad-" + BOT,
                        "bad-" + APP,
                        "ftp://" + SECRET + "/",
                        "charter " + SECRET,
                        Duration.ZERO,
                        Duration.ofSeconds(-1)))
                .withMessageContaining("botToken must be a bot token")
                .withMessageContaining("appToken must be an app-level token")
                .withMessageContaining("apiUrl must be an absolute http or https URL")
                .withMessageContaining("command must start with '/'")
                .withMessageContaining("adminCacheTtl must be positive")
                .withMessageContaining("apiTimeout must be positive")
                .withMessageNotContaining(SECRET)
                .withMessageNotContaining("botsecretvalue")
                .withMessageNotContaining("appsecretvalue");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "slack.com/api/",
                "https://slack.com/api",
                "ftp://slack.com/api/",
                "https://user:pass@slack.com/api/",
                "https://slack.com/api/?x=1/",
                "http:///api/",
                "not a url/"
            })
    void theApiUrlMustBeAnAbsoluteHttpUrlEndingWithASlash(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SlackSettings(SECRET, BOT, null, url, null, null, null))
                .withMessageContaining("apiUrl must be")
                .withMessageNotContaining("pass");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/api/", "https://slack.com/api/", "https://slack-gov.com/api/"})
    void anHttpApiUrlIsAccepted(String url) {
        assertThat(new SlackSettings(SECRET, BOT, null, url, null, null, null).apiUrl())
                .isEqualTo(url);
    }

    @Test
    void toStringShowsNoSecret() {
        String shown = new SlackSettings(SECRET, BOT, APP, null, "/ask", Duration.ofMinutes(1), Duration.ofSeconds(2))
                .toString();

        assertThat(shown)
                .doesNotContain(SECRET, BOT, APP, "botsecretvalue", "appsecretvalue", "s3cr3t")
                .contains("apiUrl=https://slack.com/api/", "command=/ask", "signingSecret=****", "appToken=****");
        assertThat(SlackSettings.http(SECRET, BOT).toString()).contains("appToken=(none)");
    }
}
