package com.charterbot.slack;

import java.time.Instant;

/**
 * The OAuth {@code state} values already used to finish an install, shared by every replica, so
 * that a state is spent once wherever the redirect lands. Only a state the bot itself signed
 * reaches it ({@link SignedOAuthStates}), so nobody but a person installing the app writes here.
 */
public interface OAuthStateStore {

    /**
     * Records the state as used, atomically.
     *
     * @param stateHash a hash of the state (the state itself is not kept)
     * @param expiresAt when the state stops being valid anyway; the record may go after it
     * @return true the first time, false when it was used already (a replay)
     */
    boolean firstUse(String stateHash, Instant expiresAt);
}
