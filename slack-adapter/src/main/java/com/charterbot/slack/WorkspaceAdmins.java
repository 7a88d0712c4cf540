package com.charterbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Slack says a person is a workspace admin or owner ({@code users.info}: {@code is_admin},
 * {@code is_owner}, {@code is_primary_owner}) of the workspace a request names, remembered for a
 * while. The flags count only when {@code users.info} places the person in that workspace (their
 * {@code team_id}, or on Enterprise Grid one of their {@code enterprise_user.teams}): an admin of
 * one workspace who sends a request naming another is not an admin there. A failed or slow lookup
 * counts as "not an admin" and is not remembered, so the next request asks again. Slack is asked
 * with the token of the workspace's own installation. An Enterprise Grid org admin or owner
 * ({@code enterprise_user.is_admin}, {@code is_owner}) also administers the organization's other
 * workspaces the bot knows ({@link #alsoAdministers}), for statistics. Administrators
 * configured by id are the core's business, not this class's.
 */
final class WorkspaceAdmins {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceAdmins.class);
    private static final long MAX_ENTRIES = 10_000;

    private final SlackOutbox outbox;
    /** Runs the lookups a request waits for: its own threads, so that they never queue behind background work. */
    private final Executor executor;
    /** The workspaces the bot knows in an Enterprise Grid organization. */
    private final Function<String, Set<String>> organization;

    private final Cache<String, Boolean> known;
    private final Cache<String, Set<String>> reach;

    WorkspaceAdmins(SlackOutbox outbox, Executor executor, Duration ttl, Function<String, Set<String>> organization) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.organization = Objects.requireNonNull(organization, "organization");
        this.known = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .build();
        this.reach = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    /**
     * The other workspaces an admin administers as an Enterprise Grid org admin or owner, as far as
     * the last {@code users.info} told and the bot knows the organization; empty otherwise.
     */
    Set<String> alsoAdministers(String team, String user) {
        Set<String> others = reach.getIfPresent(key(team, user));
        return others == null ? Set.of() : others;
    }

    /** What is already known, without asking Slack: false when nothing is. */
    boolean known(String team, String user) {
        return Boolean.TRUE.equals(known.getIfPresent(key(team, user)));
    }

    /**
     * Asks Slack (unless the answer is remembered) on the calling thread, within the Web API timeout,
     * as the bot of the person's workspace: for background work.
     */
    boolean isAdmin(WorkspaceBot bot, String user) {
        String key = key(bot.team(), user);
        Boolean cached = known.getIfPresent(key);
        return cached != null ? cached : fetch(key, bot, user);
    }

    /**
     * Asks Slack (unless the answer is remembered) and waits at most {@code budget}: for a request
     * Slack waits for. A lookup still running when the budget is spent finishes on its own and is
     * remembered for next time.
     */
    boolean isAdmin(WorkspaceBot bot, String user, Duration budget) {
        String key = key(bot.team(), user);
        Boolean cached = known.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Boolean> lookup;
        try {
            lookup = CompletableFuture.supplyAsync(() -> fetch(key, bot, user), executor);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not look up whether a Slack user is an admin: {}",
                    e.getClass().getSimpleName());
            return false;
        }
        try {
            return lookup.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Slack users.info took longer than {} ms: treated as not an admin", budget.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private boolean fetch(String key, WorkspaceBot bot, String user) {
        Optional<UsersInfoResponse> answer =
                outbox.call("users.info", () -> outbox.methods(bot).usersInfo(r -> r.user(user)));
        if (answer.isEmpty() || answer.get().getUser() == null) {
            return false;
        }
        User info = answer.get().getUser();
        boolean placed = belongsTo(info, bot.team());
        User.EnterpriseUser enterprise = info.getEnterpriseUser();
        boolean orgAdmin = placed
                && enterprise != null
                && enterprise.getEnterpriseId() != null
                && (enterprise.isAdmin() || enterprise.isOwner() || enterprise.isPrimaryOwner());
        boolean admin = placed && (info.isAdmin() || info.isOwner() || info.isPrimaryOwner() || orgAdmin);
        Set<String> others = new HashSet<>(orgAdmin ? organization.apply(enterprise.getEnterpriseId()) : Set.of());
        others.remove(bot.team());
        reach.put(key, Set.copyOf(others));
        known.put(key, admin);
        return admin;
    }

    /** Whether Slack places the person in the workspace: their own team, or one of their teams on Enterprise Grid. */
    static boolean belongsTo(User info, String team) {
        if (team == null || team.isBlank()) {
            return false;
        }
        if (team.equals(info.getTeamId())) {
            return true;
        }
        User.EnterpriseUser enterprise = info.getEnterpriseUser();
        return enterprise != null
                && enterprise.getTeams() != null
                && enterprise.getTeams().contains(team);
    }

    private static String key(String team, String user) {
        return team + ":" + user;
    }
}
