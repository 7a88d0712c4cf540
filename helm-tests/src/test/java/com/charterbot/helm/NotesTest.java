package com.charterbot.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.helm.Chart.Rendered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code helm install} prints afterwards: which Secret keys to create and where to point Slack and Teams. */
class NotesTest {

    private static Path chart;

    @BeforeAll
    static void exposeTheNotesAsAnObject() throws IOException {
        // helm template leaves NOTES.txt out: in a copy of the chart, the same text becomes a named
        // template that a ConfigMap carries, so that it renders (and parses) like any object.
        chart = Chart.copy();
        Path notes = chart.resolve("templates/NOTES.txt");
        Files.writeString(
                chart.resolve("templates/_notes-under-test.tpl"),
                "{{- define \"notes-under-test\" -}}\n" + Files.readString(notes) + "\n{{- end }}\n");
        Files.delete(notes);
        Files.writeString(chart.resolve("templates/notes-under-test.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: notes-under-test
                data:
                  notes: {{ include "notes-under-test" . | quote }}
                """);
    }

    @Test
    void listTheSecretKeysThePodsNeedAndThePlatformsEndpoints() {
        String notes = notes(List.of(Chart.productionValues()));

        assertThat(notes).contains("charter-db-app: jdbc-uri, username, password");
        assertThat(notes).contains("charter-bot-credentials: user-key-secret");
        assertThat(notes).contains("charter-bot-credentials: slack-bot-token, slack-signing-secret");
        assertThat(notes).contains("charter-bot-credentials: microsoft-app-password");
        assertThat(notes).contains("https://charter-bot.acme.example/slack/events");
        assertThat(notes).contains("https://charter-bot.acme.example/api/messages");
        assertThat(notes).doesNotContain("No ingress");
    }

    @Test
    void warnThatWithoutAnIngressOnlySocketModeReachesSlack() {
        String notes = notes(List.of());

        assertThat(notes).contains("charter-bot: database-url, database-username, database-password");
        assertThat(notes)
                .contains("charter-bot: microsoft-app-id, microsoft-app-password, microsoft-app-tenant-id (optional)");
        assertThat(notes).contains("No ingress").contains("slack.mode=socket");
    }

    @Test
    void sayThatTheEmbeddedDatabaseIsForOneReplicaOnly() {
        String notes = notes(List.of(), "database: {type: h2}\nreplicaCount: 1\nautoscaling: {enabled: false}");

        assertThat(notes).contains("lost when the pod goes").contains("configure PostgreSQL");
        assertThat(notes).doesNotContain("database-url");
    }

    private static String notes(List<Path> valuesFiles, String... valuesDocuments) {
        Rendered rendered = Chart.renderAt(chart, valuesFiles, valuesDocuments);
        return rendered.manifests().stream()
                .filter(m -> m.name().equals("notes-under-test"))
                .findFirst()
                .orElseThrow()
                .node()
                .string("data.notes");
    }
}
