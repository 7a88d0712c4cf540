package com.charterbot.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.app.startup.StartupRefusal;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

class PersistenceConfigurationTest {

    private static final String KEY = "yQ0oEpwjUkz0W3nPzkH0YpQ8f0v8i2cO3JYk3vq2k1Y=";

    private final PersistenceConfiguration configuration = new PersistenceConfiguration();

    @Test
    void refusesToStartInProductionWithoutAConfiguredKeyAndStoresNone() {
        DataSource database = migrated();
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> configuration.pseudonymousIds(database, privacy(" "), production))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("charter.privacy.user-key-secret is not set")
                .satisfies(refusal ->
                        assertThat(((StartupRefusal) refusal).action()).contains("CHARTER_PRIVACY_USERKEYSECRET"));
        assertThat(JdbcClient.create(database)
                        .sql("SELECT COUNT(*) FROM installation_secret")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void usesTheConfiguredKeyInProductionWithoutStoringOne() {
        DataSource database = migrated();
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        PseudonymousIds ids = configuration.pseudonymousIds(database, privacy(KEY), production);

        assertThat(ids).isNotNull();
        assertThat(JdbcClient.create(database)
                        .sql("SELECT COUNT(*) FROM installation_secret")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void keepsAGeneratedKeyForATrialOutsideProduction() {
        DataSource database = migrated();

        configuration.pseudonymousIds(database, privacy(""), new MockEnvironment());

        assertThat(JdbcClient.create(database)
                        .sql("SELECT COUNT(*) FROM installation_secret")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private static PrivacyProperties privacy(String key) {
        return new PrivacyProperties(java.time.Duration.ofDays(30), key);
    }

    private static DataSource migrated() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return h2;
    }
}
