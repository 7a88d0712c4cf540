package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Node;
import com.charterbot.helm.Chart.Rendered;
import org.junit.jupiter.api.Test;

/** The database choice and the Slack / Teams switches, as the pods' environment and the ingress see them. */
class DatabaseAndPlatformsTest {

    private static final String SINGLE_H2 = """
            database: {type: h2}
            replicaCount: 1
            autoscaling: {enabled: false}
            """;

    @Test
    void embeddedH2RunsOnePodThatOwnsAWritableDataFolder() {
        Rendered chart = Chart.render(SINGLE_H2);

        assertThat(chart.deployment().at("spec.replicas").value()).isEqualTo(1);
        assertThat(chart.has("HorizontalPodAutoscaler")).isFalse();
        assertThat(chart.deployment().string("spec.strategy.type"))
                .as("two pods must never open the same H2 files")
                .isEqualTo("Recreate");
        assertThat(chart.env("CHARTER_DATA_DIR").string("value")).isEqualTo("/var/lib/charter-bot");
        assertThat(chart.container().list("volumeMounts"))
                .extracting(m -> m.string("name") + ":" + m.string("mountPath"))
                .contains("data:/var/lib/charter-bot");
        assertThat(chart.podSpec().list("volumes"))
                .filteredOn(v -> "data".equals(v.string("name")))
                .singleElement()
                .satisfies(v -> assertThat(v.exists("emptyDir")).isTrue());
        assertThat(chart.envNames()).noneMatch(name -> name.startsWith("SPRING_DATASOURCE_"));
    }

    @Test
    void embeddedH2CanKeepItsFilesOnAClaim() {
        Rendered chart = Chart.render(SINGLE_H2, "database: {h2: {existingClaim: charter-data}}");

        assertThat(chart.podSpec().list("volumes"))
                .filteredOn(v -> "data".equals(v.string("name")))
                .singleElement()
                .satisfies(v ->
                        assertThat(v.string("persistentVolumeClaim.claimName")).isEqualTo("charter-data"));
    }

    @Test
    void postgresqlUrlMayBeAPlainValueWhileTheCredentialsStayInTheSecret() {
        Rendered chart = Chart.render("""
                database:
                  url: jdbc:postgresql://db.internal:5432/charter
                  existingSecret: charter-db
                """);

        assertThat(chart.env("SPRING_DATASOURCE_URL").string("value"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/charter");
        assertThat(chart.env("SPRING_DATASOURCE_USERNAME").string("valueFrom.secretKeyRef.name"))
                .isEqualTo("charter-db");
        assertThat(chart.env("SPRING_DATASOURCE_PASSWORD").string("valueFrom.secretKeyRef.name"))
                .isEqualTo("charter-db");
        assertThat(chart.env("SLACK_BOT_TOKEN").string("valueFrom.secretKeyRef.name"))
                .as("other blocks keep the release Secret")
                .isEqualTo(Chart.RELEASE);
    }

    @Test
    void slackSocketModeUsesTheAppTokenAndNeedsNoRouteForSlack() {
        Rendered chart = Chart.render("""
                slack: {mode: socket}
                ingress: {enabled: true, host: bot.example.com}
                """);

        assertThat(chart.env("SLACK_APP_TOKEN").string("valueFrom.secretKeyRef.key"))
                .isEqualTo("slack-app-token");
        assertThat(chart.envNames()).doesNotContain("SLACK_SIGNING_SECRET");
        assertThat(chart.one("Ingress").node().list("spec.rules").get(0).list("http.paths"))
                .extracting(p -> p.string("path"))
                .containsExactly("/api/messages");
    }

    @Test
    void slackOnlyDeploymentSwitchesTeamsOffAndRoutesOnlySlack() {
        Rendered chart = Chart.render("""
                teams: {enabled: false}
                ingress: {enabled: true, host: bot.example.com, pathType: Prefix}
                """);

        assertThat(chart.env("CHARTER_TEAMS_ENABLED").string("value")).isEqualTo("false");
        assertThat(chart.envNames()).noneMatch(name -> name.startsWith("MICROSOFT_APP_"));
        assertThat(chart.one("Ingress").node().list("spec.rules").get(0).list("http.paths"))
                .extracting(p -> p.string("path") + " " + p.string("pathType"))
                .containsExactly("/slack/events Prefix");
    }

    @Test
    void slackCanBeSwitchedOff() {
        Rendered chart = Chart.render("slack: {enabled: false}");

        assertThat(chart.envNames()).noneMatch(name -> name.startsWith("SLACK_"));
    }

    @Test
    void refusesAnIngressWithNothingToRoute() {
        String message = Chart.renderingFailure("""
                slack: {mode: socket}
                teams: {enabled: false}
                ingress: {enabled: true, host: bot.example.com}
                """);

        assertThat(message).contains("nothing to route");
    }

    @Test
    void extraEnvironmentVariablesComeLast() {
        Rendered chart = Chart.render("""
                extraEnv:
                  - name: LOGGING_LEVEL_COM_CHARTERBOT
                    value: DEBUG
                """);

        assertThat(chart.envNames()).last().isEqualTo("LOGGING_LEVEL_COM_CHARTERBOT");
        Node entry = chart.env("LOGGING_LEVEL_COM_CHARTERBOT");
        assertThat(entry.string("value")).isEqualTo("DEBUG");
    }
}
