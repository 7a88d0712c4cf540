package com.charterbot.app.slack;

import com.charterbot.slack.InstallationStore;
import com.charterbot.slack.SlackInstallation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link InstallationStore} in the {@code slack_installation} and {@code slack_workspace} tables,
 * the bot and refresh tokens encrypted by a {@link TokenCipher} (never stored in plaintext).
 * {@link #update} holds the row's lock ({@code SELECT ... FOR UPDATE}) from its read to its write,
 * so replicas refreshing the same token queue up and the later ones read what the first stored.
 * Thread-safe.
 */
final class JdbcSlackInstallations implements InstallationStore {

    private static final String COLUMNS = """
            install_key, enterprise_id, team_id, enterprise_install, enterprise_url, app_id, bot_id, bot_user_id, bot_scopes,
            bot_token, bot_refresh_token, bot_token_expires_at, installed_at, updated_at""";
    private static final String INSERT = "INSERT INTO slack_installation (" + COLUMNS + """
            ) VALUES (:key, :enterprise, :team, :org, :url, :app, :botId, :botUser, :scopes, :token, :refresh, :expires, :installed, :updated)""";
    private static final String UPDATE = """
            UPDATE slack_installation SET enterprise_id = :enterprise, team_id = :team, enterprise_install = :org, enterprise_url = :url,
                app_id = :app, bot_id = :botId, bot_user_id = :botUser, bot_scopes = :scopes, bot_token = :token,
                bot_refresh_token = :refresh, bot_token_expires_at = :expires, installed_at = :installed, updated_at = :updated
            WHERE install_key = :key""";

    /** The row, locked until the transaction ends: refreshes and rewrites of one installation queue on it. */
    private static final String LOCKED =
            "SELECT " + COLUMNS + " FROM slack_installation WHERE install_key = :key FOR UPDATE";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate nested;
    private final TokenCipher cipher;
    private final Clock clock;

    JdbcSlackInstallations(DataSource dataSource, TokenCipher cipher, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(SlackInstallation installation) {
        Objects.requireNonNull(installation, "installation");
        Map<String, Object> params = params(installation);
        transaction.executeWithoutResult(status -> {
            if (jdbc.sql(UPDATE).params(params).update() == 0) {
                try {
                    nested.executeWithoutResult(
                            savepoint -> jdbc.sql(INSERT).params(params).update());
                } catch (DuplicateKeyException raced) {
                    jdbc.sql(UPDATE).params(params).update();
                }
            }
        });
    }

    @Override
    public Optional<SlackInstallation> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM slack_installation WHERE install_key = :key")
                .param("key", Objects.requireNonNull(key, "key"))
                .query((row, index) -> installation(row))
                .optional();
    }

    @Override
    public Optional<SlackInstallation> update(String key, UnaryOperator<SlackInstallation> change) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(change, "change");
        return transaction.execute(status -> {
            Optional<SlackInstallation> locked = jdbc.sql(LOCKED)
                    .param("key", key)
                    .query((row, index) -> installation(row))
                    .optional();
            if (locked.isEmpty()) {
                return Optional.<SlackInstallation>empty();
            }
            SlackInstallation changed = Objects.requireNonNull(change.apply(locked.get()), "change gave nothing");
            if (!changed.key().equals(key)) {
                throw new IllegalArgumentException("an update cannot move an installation to another key");
            }
            if (!changed.equals(locked.get())) {
                jdbc.sql(UPDATE).params(params(changed)).update();
            }
            return Optional.of(changed);
        });
    }

    @Override
    public boolean delete(String key) {
        return jdbc.sql("DELETE FROM slack_installation WHERE install_key = :key")
                        .param("key", Objects.requireNonNull(key, "key"))
                        .update()
                > 0;
    }

    @Override
    public void rememberWorkspace(String teamId, String enterpriseId, Instant seenAt) {
        Map<String, Object> params = Map.of(
                "team",
                Objects.requireNonNull(teamId, "teamId"),
                "enterprise",
                Objects.requireNonNull(enterpriseId, "enterpriseId"),
                "seen",
                timestamp(seenAt));
        String update = "UPDATE slack_workspace SET enterprise_id = :enterprise, seen_at = :seen WHERE team_id = :team";
        if (jdbc.sql(update).params(params).update() == 0
                && jdbc.sql(
                                        "INSERT INTO slack_workspace (team_id, enterprise_id, seen_at) VALUES (:team, :enterprise, :seen) ON CONFLICT DO NOTHING")
                                .params(params)
                                .update()
                        == 0) {
            jdbc.sql(update).params(params).update();
        }
    }

    @Override
    public Optional<String> enterpriseOf(String teamId) {
        return jdbc.sql("SELECT enterprise_id FROM slack_workspace WHERE team_id = :team")
                .param("team", Objects.requireNonNull(teamId, "teamId"))
                .query(String.class)
                .optional();
    }

    @Override
    public Set<String> workspacesOf(String enterpriseId) {
        List<String> teams = jdbc.sql(
                        "SELECT team_id FROM slack_workspace WHERE enterprise_id = :enterprise ORDER BY team_id")
                .param("enterprise", Objects.requireNonNull(enterpriseId, "enterpriseId"))
                .query(String.class)
                .list();
        return new LinkedHashSet<>(teams);
    }

    /**
     * Writes again, with the current key, every token stored with a previous one (after a key
     * rotation); returns how many installations were written.
     */
    int reencrypt() {
        List<String> stale = jdbc
                .sql("SELECT install_key, bot_token, bot_refresh_token FROM slack_installation")
                .query((row, index) -> cipher.current(row.getString("bot_token"))
                                && (row.getString("bot_refresh_token") == null
                                        || cipher.current(row.getString("bot_refresh_token")))
                        ? null
                        : row.getString("install_key"))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
        int written = 0;
        for (String key : stale) {
            // Under the row's lock, as a refresh: a token refreshed meanwhile by another replica is not written back
            // stale.
            Boolean rewritten = transaction.execute(status -> jdbc.sql(LOCKED)
                    .param("key", key)
                    .query((row, index) -> installation(row))
                    .optional()
                    .map(current -> jdbc.sql(UPDATE).params(params(current)).update() > 0)
                    .orElse(false));
            written += Boolean.TRUE.equals(rewritten) ? 1 : 0;
        }
        return written;
    }

    private Map<String, Object> params(SlackInstallation installation) {
        String key = installation.key();
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("enterprise", installation.enterpriseId());
        params.put("team", installation.teamId());
        params.put("org", installation.enterpriseInstall());
        params.put("url", installation.enterpriseUrl());
        params.put("app", installation.appId());
        params.put("botId", installation.botId());
        params.put("botUser", installation.botUserId());
        params.put("scopes", installation.botScopes());
        params.put("token", cipher.encrypt(installation.botToken(), context(key, "bot_token")));
        params.put(
                "refresh",
                installation.botRefreshToken() == null
                        ? null
                        : cipher.encrypt(installation.botRefreshToken(), context(key, "bot_refresh_token")));
        params.put(
                "expires",
                installation.botTokenExpiresAt() == null ? null : timestamp(installation.botTokenExpiresAt()));
        params.put("installed", timestamp(installation.installedAt()));
        params.put("updated", timestamp(clock.instant()));
        return params;
    }

    private SlackInstallation installation(ResultSet row) throws SQLException {
        String key = row.getString("install_key");
        String refresh = row.getString("bot_refresh_token");
        OffsetDateTime expires = row.getObject("bot_token_expires_at", OffsetDateTime.class);
        return new SlackInstallation(
                row.getString("enterprise_id"),
                row.getString("team_id"),
                row.getBoolean("enterprise_install"),
                row.getString("enterprise_url"),
                row.getString("app_id"),
                row.getString("bot_id"),
                row.getString("bot_user_id"),
                row.getString("bot_scopes"),
                cipher.decrypt(row.getString("bot_token"), context(key, "bot_token")),
                refresh == null ? null : cipher.decrypt(refresh, context(key, "bot_refresh_token")),
                expires == null ? null : expires.toInstant(),
                row.getObject("installed_at", OffsetDateTime.class).toInstant());
    }

    private static String context(String key, String column) {
        return key + "/" + column;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
