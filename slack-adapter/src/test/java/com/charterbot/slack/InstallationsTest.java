package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class InstallationsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** An installation store in memory, its lock a synchronized method. */
    private static final class MemoryStore implements InstallationStore {
        final Map<String, SlackInstallation> saved = new HashMap<>();

        @Override
        public void save(SlackInstallation installation) {
            saved.put(installation.key(), installation);
        }

        @Override
        public Optional<SlackInstallation> find(String key) {
            return Optional.ofNullable(saved.get(key));
        }

        @Override
        public synchronized Optional<SlackInstallation> update(String key, UnaryOperator<SlackInstallation> change) {
            return Optional.ofNullable(saved.computeIfPresent(key, (k, current) -> change.apply(current)));
        }

        @Override
        public boolean delete(String key) {
            return saved.remove(key) != null;
        }

        @Override
        public void rememberWorkspace(String teamId, String enterpriseId, Instant seenAt) {}

        @Override
        public Optional<String> enterpriseOf(String teamId) {
            return Optional.empty();
        }

        @Override
        public Set<String> workspacesOf(String enterpriseId) {
            return Set.of();
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final Installations installations = new Installations(
            store,
            Slack.getInstance(),
            new SlackSettings.Distribution(
                    "123.456",
                    "client-secret",
                    "state-secret-0123456789abcdef-0123456789",
                    "https://bot.example.com/slack/oauth_redirect",
                    Duration.ofHours(2)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new Redaction());

    private void install(String token, String refreshToken, Instant expiresAt) {
        DefaultInstaller installer = new DefaultInstaller();
        installer.setTeamId("T0ACME");
        installer.setAppId("A0APP");
        installer.setBotId("B0BOT");
        installer.setBotUserId("U0BOT");
        installer.setBotScope("commands,chat:write");
        installer.setBotAccessToken(token);
        installer.setBotRefreshToken(refreshToken);
        installer.setBotTokenExpiresAt(expiresAt == null ? null : expiresAt.toEpochMilli());
        installations.saveInstallerAndBot(installer);
    }

    private static DefaultBot bot(String token) {
        DefaultBot bot = new DefaultBot();
        bot.setTeamId("T0ACME");
        bot.setIsEnterpriseInstall(false);
        bot.setBotAccessToken(token);
        return bot;
    }

    @Test
    void aTokenBoltSavesIsKeptWithTheInstallationsOwnRefreshToken() {
        install("xoxe.xoxb-first", "xoxe-1-refresh", NOW.plus(Duration.ofHours(12)));

        installations.saveBot(bot("xoxe.xoxb-second"));

        SlackInstallation kept = store.saved.get(SlackInstallation.teamKey("T0ACME"));
        assertThat(kept.botToken()).isEqualTo("xoxe.xoxb-second");
        assertThat(kept.botRefreshToken()).isEqualTo("xoxe-1-refresh");
        assertThat(kept.botTokenExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(installations.findBot(null, "T0ACME").getBotAccessToken()).isEqualTo("xoxe.xoxb-second");
    }

    @Test
    void aBotWithoutATokenOrWithoutAnInstallationChangesNothing() {
        install("xoxb-only", null, null);

        installations.saveBot(bot(null));
        DefaultBot elsewhere = bot("xoxb-elsewhere");
        elsewhere.setTeamId("T0OTHER");
        installations.saveBot(elsewhere);

        assertThat(store.saved).containsOnlyKeys(SlackInstallation.teamKey("T0ACME"));
        assertThat(store.saved.get(SlackInstallation.teamKey("T0ACME")).botToken())
                .isEqualTo("xoxb-only");
    }

    @Test
    void deletingTheBotForgetsTheInstallation() {
        install("xoxb-only", null, null);

        installations.deleteBot(bot("xoxb-only"));

        assertThat(store.saved).isEmpty();
        assertThat(installations.findBot(null, "T0ACME")).isNull();
    }
}
