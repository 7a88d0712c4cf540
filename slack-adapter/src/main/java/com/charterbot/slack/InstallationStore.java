package com.charterbot.slack;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the Slack installations are kept, shared by every replica (the application implements it
 * on its database, tokens encrypted at rest). Keys are {@link SlackInstallation#key()}.
 *
 * <p>Implementations must be thread-safe and safe across processes; a store that fails throws.
 */
public interface InstallationStore {

    /** Stores the installation in place of any under the same key (a reinstall brings new tokens). */
    void save(SlackInstallation installation);

    /** The installation under this key. */
    Optional<SlackInstallation> find(String key);

    /**
     * Replaces the installation under this key by what {@code change} makes of it, holding a lock
     * that every replica respects from the read to the write: a refresh token, which Slack revokes
     * once used, is spent by one replica only, and the others read what it stored. {@code change}
     * may call Slack; it returns its argument when there is nothing to store.
     *
     * @return what is stored afterwards; empty when there is no installation under the key
     */
    Optional<SlackInstallation> update(String key, UnaryOperator<SlackInstallation> change);

    /** Deletes the installation under this key; false when there was none. */
    boolean delete(String key);

    /**
     * Remembers that a workspace belongs to an Enterprise Grid organization, so that an org-wide
     * installation serves its channels' nudges (which know only the workspace).
     */
    void rememberWorkspace(String teamId, String enterpriseId, Instant seenAt);

    /** The organization a workspace was seen in, if any. */
    Optional<String> enterpriseOf(String teamId);

    /** The workspaces seen in an organization. */
    Set<String> workspacesOf(String enterpriseId);
}
