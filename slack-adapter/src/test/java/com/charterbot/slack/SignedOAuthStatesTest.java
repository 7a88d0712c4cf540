package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedOAuthStatesTest {

    private static final String SECRET = "state-secret-for-tests-0123456789abcdef";

    /** The shared store of used states, in memory, noting every state it was asked about. */
    private final Set<String> used = new HashSet<>();

    private final List<String> asked = new ArrayList<>();
    private final OAuthStateStore store = (hash, expiresAt) -> {
        asked.add(hash);
        return used.add(hash);
    };
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SignedOAuthStates states = new SignedOAuthStates(SECRET, store, clock);

    @Test
    void aStateOfOursIsAcceptedOnceWhicheverReplicaChecksIt() {
        String state = states.generateNewStateValue();
        SignedOAuthStates otherReplica = new SignedOAuthStates(SECRET, store, clock);

        assertThat(state).doesNotContain("=", ";", " ");
        assertThat(otherReplica.isAvailableInDatabase(state)).isTrue();
        assertThat(states.isAvailableInDatabase(state)).as("a replay").isFalse();
        assertThat(asked).hasSize(2).doesNotContain(state);
    }

    @Test
    void aForgedTamperedOrForeignStateIsRefusedWithoutAskingTheStore() {
        String state = states.generateNewStateValue();
        String tampered =
                state.substring(0, state.indexOf('.') + 1) + "9999999999" + state.substring(state.lastIndexOf('.'));
        String foreign =
                new SignedOAuthStates("another-secret-of-another-app-0123456789", store, clock).generateNewStateValue();

        assertThat(states.isAvailableInDatabase(tampered))
                .as("a longer expiry, same signature")
                .isFalse();
        assertThat(states.isAvailableInDatabase(foreign)).isFalse();
        assertThat(states.isAvailableInDatabase("not-a-state")).isFalse();
        assertThat(states.isAvailableInDatabase("a.b.c")).isFalse();
        assertThat(states.isAvailableInDatabase("x".repeat(5000))).isFalse();
        assertThat(states.isAvailableInDatabase(null)).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void aStateExpiresAfterTenMinutes() {
        String fresh = states.generateNewStateValue();
        String late = states.generateNewStateValue();

        clock.advance(Duration.ofMinutes(9));
        assertThat(states.isAvailableInDatabase(fresh)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(states.isAvailableInDatabase(late)).isFalse();
        assertThat(asked).hasSize(1);
    }
}
