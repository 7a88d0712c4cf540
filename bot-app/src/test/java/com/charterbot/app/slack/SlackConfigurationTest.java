package com.charterbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.app.CharterBotApplication;
import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.app.startup.StartupRefusal;
import com.charterbot.core.values.Platform;
import com.charterbot.slack.SlackBot;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** When the Slack adapter starts, in which mode, and what it says about it. */
@ExtendWith(OutputCaptureExtension.class)
class SlackConfigurationTest {

    private static final String BOT_TOKEN = "xoxb-1234-5678-configtesttoken";
    private static final String APP_TOKEN = "xapp-1-A0CFG-9999-configtestapptoken";

    @Test
    void staysOffWithoutABotTokenAndSaysSoOnce(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBeanNamesForType(SlackBot.class)).isEmpty();
            assertThat(app.getBeansOfType(PlatformChannelMessenger.class).values())
                    .noneMatch(m -> m.platform() == Platform.SLACK);
            assertThat(post(app, "/slack/events").statusCode())
                    .as("no Slack endpoint")
                    .isIn(404, 405);
        }
        assertThat(output.getAll().split("Slack adapter off", -1)).hasSize(2);
    }

    @Test
    void inSocketModeServesNoHttpEndpointAndKeepsRunningWhileSlackIsUnreachable(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext app = start(
                "--charter.slack.bot-token=" + BOT_TOKEN,
                "--charter.slack.app-token=" + APP_TOKEN,
                "--charter.slack.api-url=http://127.0.0.1:" + closedPort() + "/api/",
                "--charter.slack.api-timeout=500ms")) {
            assertThat(app.getBeanNamesForType(SlackBot.class)).hasSize(1);
            assertThat(app.getBeansOfType(PlatformChannelMessenger.class).values())
                    .anyMatch(m -> m.platform() == Platform.SLACK);
            assertThat(post(app, "/slack/events").statusCode())
                    .as("Socket Mode needs no public endpoint")
                    .isIn(404, 405);
            Instant deadline = Instant.now().plusSeconds(20);
            while (!output.getAll().contains("next attempt in") && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(output.getAll())
                    .contains("Slack adapter on, in Socket Mode")
                    .contains("Slack Socket Mode not connected: cannot reach Slack at http://127.0.0.1:")
                    .contains("next attempt in 1 s (attempt 1)")
                    .doesNotContain("\tat ", "NullPointerException");
            assertThat(app.getBean("slackHealthIndicator", HealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.DOWN);
        }
        assertThat(output.getAll())
                .doesNotContain(BOT_TOKEN)
                .doesNotContain(APP_TOKEN)
                .doesNotContain("configtest");
    }

    @Test
    void refusesToStartWithATokenButNeitherSigningSecretNorAppTokenWithoutRepeatingTheToken(CapturedOutput output) {
        assertThatThrownBy(() -> start("--charter.slack.bot-token=" + BOT_TOKEN).close())
                .isInstanceOfSatisfying(
                        StartupRefusal.class,
                        refusal -> assertThat(refusal.action()).contains("SLACK_SIGNING_SECRET"));
        assertThat(output.getAll()).doesNotContain(BOT_TOKEN).doesNotContain("configtesttoken");
    }

    @Test
    void refusesToInstallThroughOAuthWithoutATokenEncryptionKeySayingWhatToSet(CapturedOutput output) {
        String clientSecret = "configtest-client-secret-5511";
        String stateSecret = "configtest-state-secret-0123456789abcdef";

        assertThatThrownBy(() -> start(
                                "--charter.slack.client-id=1234.5678",
                                "--charter.slack.client-secret=" + clientSecret,
                                "--charter.slack.state-secret=" + stateSecret,
                                "--charter.slack.signing-secret=configtest-signing")
                        .close())
                .hasStackTraceContaining("charter.slack.token-encryption-key is not set")
                .hasStackTraceContaining("CHARTER_SLACK_TOKENENCRYPTIONKEY");
        assertThatThrownBy(() -> start(
                                "--charter.slack.client-id=1234.5678",
                                "--charter.slack.client-secret=" + clientSecret,
                                "--charter.slack.state-secret=" + stateSecret,
                                "--charter.slack.signing-secret=configtest-signing",
                                "--charter.slack.token-encryption-key=configtest-not-a-key")
                        .close())
                .hasStackTraceContaining("must be 32 bytes (AES-256)");
        assertThat(output.getAll())
                .doesNotContain(clientSecret)
                .doesNotContain(stateSecret)
                .doesNotContain("configtest-not-a-key");
    }

    @Test
    void servesTheInstallPagesOnlyWhenInstalledThroughOAuth() throws Exception {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        try (ConfigurableApplicationContext app = start(
                "--charter.slack.client-id=1234.5678",
                "--charter.slack.client-secret=x",
                "--charter.slack.state-secret=" + "s".repeat(32),
                "--charter.slack.signing-secret=configtest-signing",
                "--charter.slack.token-encryption-key=" + key)) {
            assertThat(get(app, "/slack/install").statusCode()).isEqualTo(200);
            assertThat(get(app, "/slack/oauth_redirect?code=x&state=y").statusCode())
                    .as("no cookie, no install")
                    .isEqualTo(400);
        }
        try (ConfigurableApplicationContext app =
                start("--charter.slack.bot-token=" + BOT_TOKEN, "--charter.slack.signing-secret=s")) {
            assertThat(get(app, "/slack/install").statusCode())
                    .as("one workspace by its token: nothing to install")
                    .isIn(404, 405);
        }
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--charter.scheduler.enabled=false";
        all[2] = "--spring.datasource.url=jdbc:h2:mem:slack-config-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new SpringApplicationBuilder(CharterBotApplication.class).run(all);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext app, String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
