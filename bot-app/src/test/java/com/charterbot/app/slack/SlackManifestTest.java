package com.charterbot.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.slack.SlackBot;
import com.charterbot.slack.SlackSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.yaml.snakeyaml.Yaml;

/** The Slack app manifests in {@code slack/} agree with each other and with what the adapter serves. */
class SlackManifestTest {

    private static final Path HTTP = Path.of("..", "slack", "manifest.yml");
    private static final Path SOCKET_MODE = Path.of("..", "slack", "manifest-socket-mode.yml");
    private static final Path ORG = Path.of("..", "slack", "manifest-org.yml");

    @Test
    void httpManifestPointsEveryRequestAtTheEventsEndpoint() throws IOException {
        Map<String, Object> manifest = load(HTTP);

        Map<String, Object> command = slashCommand(manifest);
        SlackProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("charter.slack", SlackProperties.class);
        assertThat(command.get("command"))
                .as("the command the adapter listens to by default")
                .isEqualTo(defaults.command());
        assertThat((String) command.get("url")).endsWith(SlackConfiguration.EVENTS_PATH);
        assertThat((String) at(manifest, "settings", "event_subscriptions").get("request_url"))
                .endsWith(SlackConfiguration.EVENTS_PATH);
        assertThat((String) at(manifest, "settings", "interactivity").get("request_url"))
                .endsWith(SlackConfiguration.EVENTS_PATH);
        assertThat(at(manifest, "settings").get("socket_mode_enabled")).isEqualTo(false);
        assertThat(at(manifest, "features", "app_home").get("home_tab_enabled")).isEqualTo(true);
        assertThat(at(manifest, "settings").get("org_deploy_enabled")).isEqualTo(false);
    }

    @Test
    void installsThroughOAuthComeBackToTheRedirectUrlOnTheSameHost() throws IOException {
        for (Path path : List.of(HTTP, ORG)) {
            Map<String, Object> manifest = load(path);
            List<String> redirects = redirectUrls(manifest);
            String events =
                    (String) at(manifest, "settings", "event_subscriptions").get("request_url");

            assertThat(redirects).as(path.toString()).singleElement().satisfies(url -> {
                assertThat(url).endsWith(SlackSettings.Distribution.REDIRECT_PATH);
                assertThat(URI.create(url).getHost())
                        .isEqualTo(URI.create(events).getHost());
                assertThat(url).startsWith("https://");
            });
        }
    }

    @Test
    void theOrgManifestIsTheHttpOneMadeOrgReadyAndToldOfTheWorkspacesItIsGranted() throws IOException {
        Map<String, Object> http = load(HTTP);
        Map<String, Object> org = load(ORG);

        assertThat(at(org, "settings").get("org_deploy_enabled")).isEqualTo(true);
        assertThat(scopes(org)).isEqualTo(scopes(http));
        assertThat(events(org)).containsAll(events(http));
        assertThat(events(org))
                .filteredOn(event -> !events(http).contains(event))
                .containsExactlyInAnyOrder("team_access_granted", "team_access_revoked");
        assertThat(slashCommand(org)).isEqualTo(slashCommand(http));
        assertThat(at(org, "settings", "interactivity")).isEqualTo(at(http, "settings", "interactivity"));
        assertThat(at(org, "features", "app_home")).isEqualTo(at(http, "features", "app_home"));
        assertThat(at(org, "settings").get("socket_mode_enabled")).isEqualTo(false);
    }

    @Test
    void socketModeManifestHasNoUrlsAndTheSameScopesAndEvents() throws IOException {
        Map<String, Object> http = load(HTTP);
        Map<String, Object> socket = load(SOCKET_MODE);

        assertThat(at(socket, "settings").get("socket_mode_enabled")).isEqualTo(true);
        assertThat(slashCommand(socket)).doesNotContainKey("url");
        assertThat(at(socket, "settings", "event_subscriptions")).doesNotContainKey("request_url");
        assertThat(at(socket, "settings", "interactivity")).doesNotContainKey("request_url");
        assertThat(scopes(socket)).isEqualTo(scopes(http));
        assertThat(events(socket)).isEqualTo(events(http));
        assertThat(slashCommand(socket).get("command"))
                .isEqualTo(slashCommand(http).get("command"));
    }

    @Test
    void requestsOnlyTheScopesTheEventsAndCallsNeed() throws IOException {
        Map<String, Object> manifest = load(HTTP);

        assertThat(scopes(manifest))
                .containsExactlyInAnyOrder(
                        "app_mentions:read",
                        "channels:read",
                        "groups:read",
                        "chat:write",
                        "commands",
                        "files:write",
                        "im:history",
                        "users:read");
        assertThat(scopes(manifest))
                .as("what an install through OAuth asks for")
                .containsExactlyInAnyOrderElementsOf(SlackSettings.Distribution.BOT_SCOPES);
        assertThat(events(manifest))
                .contains(
                        "app_mention",
                        "message.im",
                        "app_home_opened",
                        "member_joined_channel",
                        "channel_left",
                        "channel_archive",
                        "app_uninstalled",
                        "tokens_revoked");
    }

    @Test
    void bothManifestsDeclareTheMessageShortcutsTheAdapterHandles() throws IOException {
        for (Path path : List.of(HTTP, SOCKET_MODE)) {
            List<Map<String, Object>> shortcuts = shortcuts(load(path));

            assertThat(shortcuts)
                    .as(path.toString())
                    .extracting(shortcut -> shortcut.get("callback_id"))
                    .containsExactlyInAnyOrderElementsOf(SlackBot.CHECK_SHORTCUTS.keySet());
            assertThat(shortcuts).as(path.toString()).allSatisfy(shortcut -> {
                assertThat(shortcut.get("type")).isEqualTo("message");
                // Slack refuses shortcut names over 24 characters.
                assertThat(((String) shortcut.get("name")).length()).isBetween(1, 24);
                assertThat((String) shortcut.get("description")).isNotBlank();
            });
            assertThat(shortcuts)
                    .extracting(shortcut -> shortcut.get("name"))
                    .containsExactlyInAnyOrder("Check with the charter", "Vérifier avec la charte");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> shortcuts(Map<String, Object> manifest) {
        return (List<Map<String, Object>>) at(manifest, "features").get("shortcuts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> slashCommand(Map<String, Object> manifest) {
        List<Map<String, Object>> commands =
                (List<Map<String, Object>>) at(manifest, "features").get("slash_commands");
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> scopes(Map<String, Object> manifest) {
        return (List<String>) at(manifest, "oauth_config", "scopes").get("bot");
    }

    @SuppressWarnings("unchecked")
    private static List<String> redirectUrls(Map<String, Object> manifest) {
        return (List<String>) at(manifest, "oauth_config").get("redirect_urls");
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> manifest) {
        return (List<String>) at(manifest, "settings", "event_subscriptions").get("bot_events");
    }
}
