package com.charterbot.app.persistence;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the secret of {@link PseudonymousIds} comes from.
 *
 * <p>When {@value #PROPERTY} is set (and not blank; surrounding white space is ignored), it is the
 * secret: the bytes it encodes when it reads as standard base64 (with padding), such as the output
 * of {@code openssl rand -base64 32}; otherwise its UTF-8 bytes. Either way it must be at least
 * {@value PseudonymousIds#MIN_SECRET_BYTES} bytes long (24 base64 characters). The database is
 * not used.
 *
 * <p>Otherwise the secret is the one generated for this installation: 32 random bytes, created on
 * the first start and kept in the single-row {@code installation_secret} table (two replicas
 * starting together agree: both try to insert theirs, and both use the one that got in). Anyone
 * with a database dump then also has the secret, so this is for a trial only: one warning line says
 * so, and the {@code prod} profile refuses to start without a configured secret
 * ({@code PersistenceConfiguration}).
 *
 * <p>Changing the secret (including configuring one after running with the generated one) changes
 * every pseudonym: quiz answers, audit records and language preferences stored before are no
 * longer linked to their people. The secret is never logged.
 */
public final class UserKeySecret {

    /** The configuration property holding the secret. */
    public static final String PROPERTY = "charter.privacy.user-key-secret";

    /** How many random bytes a generated secret has. */
    public static final int GENERATED_BYTES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(UserKeySecret.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BASE64 =
            Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private UserKeySecret() {}

    /**
     * The pseudonyms under the configured secret, or under this installation's generated one when
     * none is configured.
     *
     * @param dataSource a migrated database, used only when no secret is configured
     * @param configured the value of {@value #PROPERTY}; empty or blank when unset
     * @throws IllegalArgumentException when the configured secret is shorter than {@value PseudonymousIds#MIN_SECRET_BYTES} bytes
     */
    public static PseudonymousIds load(DataSource dataSource, Optional<String> configured) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(configured, "configured");
        Optional<String> value = configured.map(String::strip).filter(text -> !text.isEmpty());
        byte[] secret = value.isPresent() ? decode(value.get()) : installationSecret(JdbcClient.create(dataSource));
        try {
            return new PseudonymousIds(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] decode(String configured) {
        byte[] secret = BASE64.matcher(configured).matches()
                ? Base64.getDecoder().decode(configured)
                : configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < PseudonymousIds.MIN_SECRET_BYTES) {
            Arrays.fill(secret, (byte) 0);
            throw new IllegalArgumentException(
                    PROPERTY + " is too short: it must be base64 of at least " + PseudonymousIds.MIN_SECRET_BYTES
                            + " bytes (e.g. the output of 'openssl rand -base64 32') or a text of at least "
                            + PseudonymousIds.MIN_SECRET_BYTES + " bytes");
        }
        return secret;
    }

    private static byte[] installationSecret(JdbcClient jdbc) {
        Optional<String> stored = stored(jdbc);
        if (stored.isEmpty()) {
            byte[] fresh = new byte[GENERATED_BYTES];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.sql(
                                "INSERT INTO installation_secret (id, secret, created_at) VALUES (1, :secret, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                        .param("secret", Base64.getEncoder().encodeToString(fresh))
                        .update();
            } catch (DataAccessException e) {
                // Another replica may have inserted its secret at the same moment; it is read below.
                if (stored(jdbc).isEmpty()) {
                    throw e;
                }
            } finally {
                Arrays.fill(fresh, (byte) 0);
            }
            stored = stored(jdbc);
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder()
                    .decode(stored.orElseThrow(
                            () -> new IllegalStateException("the installation secret was not stored")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the installation_secret table holds something that is not base64; set "
                    + PROPERTY + " or fix the table");
        }
        if (secret.length < PseudonymousIds.MIN_SECRET_BYTES) {
            throw new IllegalStateException("the installation_secret table holds a secret shorter than "
                    + PseudonymousIds.MIN_SECRET_BYTES + " bytes");
        }
        LOG.warn(
                "{} is not set: user ids are pseudonymized with a key generated for this trial and kept in the database (fine for a trial; "
                        + "production refuses to start without it, see SECURITY.md)",
                PROPERTY);
        return secret;
    }

    private static Optional<String> stored(JdbcClient jdbc) {
        return jdbc.sql("SELECT secret FROM installation_secret WHERE id = 1")
                .query(String.class)
                .optional();
    }
}
