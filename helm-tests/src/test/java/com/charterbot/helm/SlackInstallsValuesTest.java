package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Rendered;
import org.junit.jupiter.api.Test;

/** Slack installed through OAuth in many workspaces: the secrets it reads, the routes it needs, what it refuses. */
class SlackInstallsValuesTest {

    @Test
    void oauthInstallsReadTheClientCredentialsAndTheEncryptionKeyFromTheSecretAndNoBotToken() {
        Rendered chart = Chart.render("""
                slack: {installs: oauth, clientId: "1234.5678", redirectUri: https://bot.example.com/slack/oauth_redirect}
                """);

        assertThat(chart.env("SLACK_CLIENT_ID").string("value")).isEqualTo("1234.5678");
        assertThat(chart.env("SLACK_CLIENT_SECRET").string("valueFrom.secretKeyRef.key"))
                .isEqualTo("slack-client-secret");
        assertThat(chart.env("SLACK_STATE_SECRET").string("valueFrom.secretKeyRef.key"))
                .isEqualTo("slack-state-secret");
        assertThat(chart.env("CHARTER_SLACK_TOKENENCRYPTIONKEY").string("valueFrom.secretKeyRef.key"))
                .isEqualTo("slack-token-encryption-key");
        assertThat(chart.env("CHARTER_SLACK_TOKENENCRYPTIONKEY").exists("valueFrom.secretKeyRef.optional"))
                .as("a pod without the key does not start")
                .isFalse();
        assertThat(chart.env("CHARTER_SLACK_TOKENENCRYPTIONPREVIOUSKEYS").string("valueFrom.secretKeyRef.optional"))
                .isEqualTo("true");
        assertThat(chart.env("CHARTER_SLACK_REDIRECTURI").string("value"))
                .isEqualTo("https://bot.example.com/slack/oauth_redirect");
        assertThat(chart.envNames()).doesNotContain("SLACK_BOT_TOKEN");
        assertThat(chart.env("SLACK_SIGNING_SECRET").string("valueFrom.secretKeyRef.key"))
                .isEqualTo("slack-signing-secret");
    }

    @Test
    void theClientIdMayComeFromTheSecretToo() {
        Rendered chart = Chart.render("slack: {installs: oauth}");

        assertThat(chart.env("SLACK_CLIENT_ID").string("valueFrom.secretKeyRef.key"))
                .isEqualTo("slack-client-id");
        assertThat(chart.envNames()).doesNotContain("CHARTER_SLACK_REDIRECTURI");
    }

    @Test
    void theIngressRoutesTheInstallPageAndTheRedirectUrlOnlyForOAuthInstalls() {
        String ingress = "ingress: {enabled: true, host: bot.example.com}";

        assertThat(Chart.render("slack: {installs: oauth}", ingress)
                        .one("Ingress")
                        .node()
                        .list("spec.rules")
                        .get(0)
                        .list("http.paths"))
                .extracting(p -> p.string("path"))
                .containsExactly("/slack/events", "/slack/install", "/slack/oauth_redirect", "/api/messages");
        assertThat(Chart.render(ingress)
                        .one("Ingress")
                        .node()
                        .list("spec.rules")
                        .get(0)
                        .list("http.paths"))
                .extracting(p -> p.string("path"))
                .containsExactly("/slack/events", "/api/messages");
    }

    @Test
    void refusesOAuthInstallsWithoutAnEncryptionKeyAndCredentialsInTheConfigMap() {
        assertThat(Chart.renderingFailure("slack: {installs: oauth, secretKeys: {tokenEncryptionKey: ''}}"))
                .contains("tokenEncryptionKey");
        assertThat(Chart.renderingFailure("config: {slack: {token-encryption-key: c2VjcmV0}}"))
                .contains("token-encryption-key");
        assertThat(Chart.renderingFailure("config: {slack: {client-secret: s3cret}}"))
                .contains("client-secret");
        assertThat(Chart.renderingFailure("slack: {installs: sometimes}")).contains("installs");
        assertThat(Chart.renderingFailure(
                        "slack: {installs: oauth, redirectUri: http://bot.example.com/slack/oauth_redirect}"))
                .contains("redirectUri");
    }
}
