package com.charterbot.app.slack;

import com.charterbot.slack.OAuthStateStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OAuthStateStore} in the {@code slack_oauth_state} table: a state's hash is inserted once
 * (the primary key refuses a second), and rows go once expired ({@link #purgeBefore}).
 */
final class JdbcOAuthStates implements OAuthStateStore {

    private final JdbcClient jdbc;

    JdbcOAuthStates(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public boolean firstUse(String stateHash, Instant expiresAt) {
        return jdbc.sql(
                                "INSERT INTO slack_oauth_state (state_hash, expires_at) VALUES (:hash, :expires) ON CONFLICT DO NOTHING")
                        .param("hash", Objects.requireNonNull(stateHash, "stateHash"))
                        .param(
                                "expires",
                                expiresAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** Deletes the states that expired before the cutoff; returns how many. */
    int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM slack_oauth_state WHERE expires_at < :cutoff")
                .param("cutoff", cutoff.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .update();
    }
}
