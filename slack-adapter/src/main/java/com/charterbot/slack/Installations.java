package com.charterbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.Slack;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installations of a distributed app: Bolt's {@link InstallationService} (the OAuth flow saves
 * through it, every request finds its workspace's bot through it) and the {@link BotTokens} of
 * scheduled nudges, over an {@link InstallationStore} the replicas share.
 *
 * <p>A request from an Enterprise Grid workspace is served by its organization's org-wide
 * installation first, then by the workspace's own, as Bolt's stores do; the workspace is then
 * remembered as part of the organization, so that its channels' nudges find the org's token too.
 *
 * <p>Rotating tokens are refreshed here, {@code refreshBefore} ahead of their expiry, under the
 * store's lock ({@link InstallationStore#update}): Slack revokes a refresh token once used, so two
 * replicas must never spend the same one. Bolt never sees a refresh token (its own rotation would
 * race), only a token that is fresh. A refresh that fails leaves the token as it is (still valid
 * until it expires) and is tried again at the next use.
 *
 * <p>Installations read are kept {@value #CACHE_SECONDS} s in memory, except near a refresh; an
 * uninstall on another replica may thus be noticed that much later (Slack answers
 * {@code token_revoked} meanwhile).
 */
final class Installations implements InstallationService, BotTokens {

    private static final Logger log = LoggerFactory.getLogger(Installations.class);
    static final long CACHE_SECONDS = 30;

    private final InstallationStore store;
    private final Slack slack;
    private final SlackSettings.Distribution distribution;
    private final Clock clock;
    private final Redaction redaction;
    private final Cache<String, SlackInstallation> known;
    private final Cache<String, String> rememberedWorkspaces;
    private boolean historicalDataEnabled;

    Installations(
            InstallationStore store,
            Slack slack,
            SlackSettings.Distribution distribution,
            Clock clock,
            Redaction redaction) {
        this.store = Objects.requireNonNull(store, "store");
        this.slack = Objects.requireNonNull(slack, "slack");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.redaction = Objects.requireNonNull(redaction, "redaction");
        this.known = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(CACHE_SECONDS))
                .maximumSize(10_000)
                .build();
        this.rememberedWorkspaces = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofHours(1))
                .maximumSize(10_000)
                .build();
    }

    // ----- what the OAuth flow and Bolt's authorization call -----

    @Override
    public void saveInstallerAndBot(Installer installer) {
        if (installer.getBotAccessToken() == null) {
            throw new IllegalArgumentException("Slack granted no bot token: the app asks for bot scopes only");
        }
        boolean org = Boolean.TRUE.equals(installer.getIsEnterpriseInstall());
        Long expiresAt = installer.getBotTokenExpiresAt();
        String refresh = installer.getBotRefreshToken();
        SlackInstallation installation = new SlackInstallation(
                installer.getEnterpriseId(),
                org ? null : installer.getTeamId(),
                org,
                installer.getEnterpriseUrl(),
                installer.getAppId(),
                installer.getBotId(),
                installer.getBotUserId(),
                installer.getBotScope(),
                installer.getBotAccessToken(),
                refresh == null || expiresAt == null ? null : refresh,
                refresh == null || expiresAt == null ? null : Instant.ofEpochMilli(expiresAt),
                clock.instant());
        store.save(installation);
        known.put(installation.key(), installation);
        log.info("Slack app installed: {}", installation);
    }

    /**
     * A bot token Bolt hands back, kept like one refreshed here: under the store's lock, the
     * installation's refresh token left as it is (Bolt is never given one, so its own rotation does
     * not run; this keeps whatever token it saves rather than losing it).
     */
    @Override
    public void saveBot(Bot bot) {
        String token = bot.getBotAccessToken();
        if (token == null || token.isBlank()) {
            return;
        }
        store.update(
                        key(bot),
                        current -> current.withTokens(token, current.botRefreshToken(), current.botTokenExpiresAt()))
                .ifPresent(saved -> known.put(saved.key(), saved));
    }

    @Override
    public void deleteBot(Bot bot) {
        forget(key(bot));
    }

    private static String key(Bot bot) {
        return Boolean.TRUE.equals(bot.getIsEnterpriseInstall())
                ? SlackInstallation.orgKey(bot.getEnterpriseId())
                : SlackInstallation.teamKey(bot.getTeamId());
    }

    /** No user token is ever stored. */
    @Override
    public void deleteInstaller(Installer installer) {
        // Nothing kept per installing user.
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return serving(enterpriseId, teamId).map(Installations::bot).orElse(null);
    }

    /** No user token is ever stored. */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        uninstalled(enterpriseId, teamId);
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return "Charter Bot is not installed in this workspace: ask a Slack administrator to install it. / Charter Bot n’est pas installé "
                + "dans cet espace de travail : demandez à un administrateur Slack de l’installer.";
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return historicalDataEnabled;
    }

    /** Kept for Bolt's contract; only the latest installation is ever stored. */
    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        this.historicalDataEnabled = enabled;
    }

    // ----- what the adapter calls -----

    /**
     * The installation serving a request from this organization (may be null) and workspace (may
     * be null for org-level events): the org-wide one first, then the workspace's own.
     */
    Optional<SlackInstallation> serving(String enterpriseId, String teamId) {
        if (enterpriseId != null) {
            Optional<SlackInstallation> org = cached(SlackInstallation.orgKey(enterpriseId));
            if (org.isPresent()) {
                if (teamId != null) {
                    remember(teamId, enterpriseId);
                }
                return org.map(this::fresh);
            }
        }
        if (teamId == null) {
            return Optional.empty();
        }
        Optional<SlackInstallation> own = cached(SlackInstallation.teamKey(teamId));
        if (own.isPresent() || enterpriseId != null) {
            return own.map(this::fresh);
        }
        return store.enterpriseOf(teamId)
                .flatMap(enterprise -> cached(SlackInstallation.orgKey(enterprise)))
                .map(this::fresh);
    }

    @Override
    public Optional<WorkspaceBot> forWorkspace(String team) {
        return serving(null, Objects.requireNonNull(team, "team"))
                .map(found -> new WorkspaceBot(team, found.botToken(), found.botUserId()));
    }

    /**
     * Deletes what an {@code app_uninstalled} or a bot {@code tokens_revoked} names: the workspace's
     * own installation, else the organization's org-wide one.
     *
     * @return the workspaces whose channels lost their bot: the one named, and with an org-wide
     *     installation every workspace seen in the organization
     */
    Set<String> uninstalled(String enterpriseId, String teamId) {
        Set<String> workspaces = new LinkedHashSet<>();
        if (teamId != null && forget(SlackInstallation.teamKey(teamId))) {
            workspaces.add(teamId);
            return workspaces;
        }
        if (enterpriseId != null && forget(SlackInstallation.orgKey(enterpriseId))) {
            workspaces.addAll(store.workspacesOf(enterpriseId));
        }
        if (teamId != null) {
            workspaces.add(teamId);
        }
        return workspaces;
    }

    /**
     * Remembers that an event came from this workspace of this organization, when the
     * organization's org-wide installation serves it: Bolt finds the bot of an event by its
     * {@code authorizations}, which name the organization alone.
     */
    void seen(String enterpriseId, String teamId) {
        if (enterpriseId != null
                && teamId != null
                && !enterpriseId.equals(rememberedWorkspaces.getIfPresent(teamId))
                && cached(SlackInstallation.orgKey(enterpriseId)).isPresent()) {
            remember(teamId, enterpriseId);
        }
    }

    /** The workspaces the bot knows in an Enterprise Grid organization. */
    Set<String> workspacesOf(String enterpriseId) {
        return store.workspacesOf(enterpriseId);
    }

    /** Remembers the workspaces an org-wide installation was granted ({@code team_access_granted}). */
    void granted(String enterpriseId, Iterable<String> teamIds) {
        for (String team : teamIds) {
            if (team != null && !team.isBlank()) {
                remember(team, enterpriseId);
            }
        }
    }

    private boolean forget(String key) {
        known.invalidate(key);
        boolean deleted = store.delete(key);
        if (deleted) {
            log.info("Slack installation {} deleted with its tokens", key);
        }
        return deleted;
    }

    private void remember(String teamId, String enterpriseId) {
        if (!enterpriseId.equals(rememberedWorkspaces.getIfPresent(teamId))) {
            store.rememberWorkspace(teamId, enterpriseId, clock.instant());
            rememberedWorkspaces.put(teamId, enterpriseId);
        }
    }

    private Optional<SlackInstallation> cached(String key) {
        SlackInstallation hit = known.getIfPresent(key);
        if (hit != null && !dueForRefresh(hit, CACHE_SECONDS)) {
            return Optional.of(hit);
        }
        Optional<SlackInstallation> found = store.find(key);
        found.ifPresentOrElse(installation -> known.put(key, installation), () -> known.invalidate(key));
        return found;
    }

    // ----- token rotation -----

    /** The installation with a token that is not due for a refresh, refreshing it under the store's lock if needed. */
    private SlackInstallation fresh(SlackInstallation installation) {
        if (!dueForRefresh(installation, 0)) {
            return installation;
        }
        SlackInstallation refreshed = store.update(
                        installation.key(), current -> dueForRefresh(current, 0) ? refreshed(current) : current)
                .orElse(installation);
        known.put(refreshed.key(), refreshed);
        return refreshed;
    }

    private boolean dueForRefresh(SlackInstallation installation, long marginSeconds) {
        return installation.rotating()
                && !installation
                        .botTokenExpiresAt()
                        .isAfter(clock.instant()
                                .plus(distribution.refreshBefore())
                                .plusSeconds(marginSeconds));
    }

    /** Spends the refresh token (Slack's {@code oauth.v2.access} with {@code grant_type=refresh_token}); the installation as it was when that fails. */
    private SlackInstallation refreshed(SlackInstallation current) {
        try {
            OAuthV2AccessResponse response = slack.methods()
                    .oauthV2Access(r -> r.clientId(distribution.clientId())
                            .clientSecret(distribution.clientSecret())
                            .grantType("refresh_token")
                            .refreshToken(current.botRefreshToken()));
            if (response == null
                    || !response.isOk()
                    || response.getAccessToken() == null
                    || response.getRefreshToken() == null
                    || response.getExpiresIn() == null) {
                log.warn(
                        "Slack refused to refresh the token of {}: {}",
                        current.key(),
                        response == null ? "no answer" : redaction.mask(response.getError()));
                return current;
            }
            Instant expiresAt = clock.instant().plusSeconds(response.getExpiresIn());
            log.info("Slack token of {} refreshed; it expires at {}", current.key(), expiresAt);
            return current.withTokens(response.getAccessToken(), response.getRefreshToken(), expiresAt);
        } catch (IOException | SlackApiException | RuntimeException e) {
            log.warn("Could not refresh the Slack token of {}: {}", current.key(), redaction.describe(e));
            return current;
        }
    }

    /** What Bolt's authorization needs: the token, without what would make Bolt rotate it itself. */
    private static Bot bot(SlackInstallation installation) {
        DefaultBot bot = new DefaultBot();
        bot.setAppId(installation.appId());
        bot.setEnterpriseId(installation.enterpriseId());
        bot.setEnterpriseUrl(installation.enterpriseUrl());
        bot.setTeamId(installation.teamId());
        bot.setBotId(installation.botId());
        bot.setBotUserId(installation.botUserId());
        bot.setBotScope(installation.botScopes());
        bot.setBotAccessToken(installation.botToken());
        bot.setIsEnterpriseInstall(installation.enterpriseInstall());
        bot.setInstalledAt(installation.installedAt().toEpochMilli());
        return bot;
    }
}
