package com.charterbot.app.persistence;

import com.charterbot.core.chat.SeenEvents;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SeenEvents} in the {@code seen_event} table: the primary key decides which replica
 * handles an event first; every other insert of the same key is skipped. Thread-safe.
 */
public final class JdbcSeenEvents implements SeenEvents {

    /** Longer keys are refused rather than truncated, so two different events never share a key. */
    static final int MAX_KEY = 200;

    private final JdbcClient jdbc;

    public JdbcSeenEvents(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public boolean firstTime(String key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("an event key has 1 to " + MAX_KEY + " characters");
        }
        try {
            return jdbc.sql("INSERT INTO seen_event (event_key, seen_at) VALUES (:key, :at) ON CONFLICT DO NOTHING")
                            .param("key", key)
                            .param("at", DbTime.timestamp(at))
                            .update()
                    == 1;
        } catch (DuplicateKeyException raceOnH2) {
            // H2 may report a concurrent insert of the same key instead of skipping it.
            return false;
        }
    }

    @Override
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM seen_event WHERE seen_at < :before")
                .param("before", DbTime.bound(before))
                .update();
    }
}
