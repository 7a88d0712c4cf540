package com.charterbot.app.slack;

import com.charterbot.slack.InstallationStore;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/** The application's installation store over a test database, tokens encrypted under a fixed test key. */
public final class TestInstallations {

    /** A test key: 32 bytes in base64. */
    public static final String KEY = Base64.getEncoder().encodeToString("test-installations-key-32-bytes!".getBytes());

    private TestInstallations() {}

    /** The JDBC store the application uses, on this database. */
    public static InstallationStore on(DataSource dataSource, Clock clock) {
        return new JdbcSlackInstallations(dataSource, new TokenCipher(KEY, List.of()), clock);
    }
}
