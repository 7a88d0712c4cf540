package com.charterbot.app.persistence;

import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.chat.RepliedMessagesContract;
import com.charterbot.core.chat.SeenEvents;
import com.charterbot.core.chat.SeenEventsContract;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.people.LanguagePreferencesContract;
import com.charterbot.core.tip.TipRotationStore;
import com.charterbot.core.tip.TipRotationStoreContract;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDBC stores keep the same contracts as the core's in-memory ones (the contracts live in
 * bot-core's test-jar), on H2 and on PostgreSQL: a difference between the fake the conversation
 * tests use and the store production uses fails here.
 */
class StoreContractsTest {

    private static final PseudonymousIds PSEUDONYMS =
            new PseudonymousIds("contract-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    /** Fresh migrated databases for one test, closed after it. */
    static final class Pools implements AfterEachCallback {
        private final List<HikariDataSource> open = new ArrayList<>();

        DataSource fresh(Databases.Kind kind) {
            HikariDataSource pool = Databases.pooled(kind);
            open.add(pool);
            return pool;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            open.forEach(HikariDataSource::close);
            open.clear();
        }
    }

    @Nested
    class SeenEventsOnH2 extends SeenEventsContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected SeenEvents newStore() {
            return new JdbcSeenEvents(pools.fresh(Databases.Kind.H2));
        }
    }

    @Nested
    class SeenEventsOnPostgreSql extends SeenEventsContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected SeenEvents newStore() {
            return new JdbcSeenEvents(pools.fresh(Databases.Kind.POSTGRESQL));
        }
    }

    @Nested
    class RepliedMessagesOnH2 extends RepliedMessagesContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected RepliedMessages newStore() {
            return new JdbcRepliedMessages(pools.fresh(Databases.Kind.H2));
        }
    }

    @Nested
    class RepliedMessagesOnPostgreSql extends RepliedMessagesContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected RepliedMessages newStore() {
            return new JdbcRepliedMessages(pools.fresh(Databases.Kind.POSTGRESQL));
        }
    }

    @Nested
    class LanguagePreferencesOnH2 extends LanguagePreferencesContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected LanguagePreferences newStore() {
            return new JdbcLanguagePreferences(pools.fresh(Databases.Kind.H2), PSEUDONYMS);
        }
    }

    @Nested
    class LanguagePreferencesOnPostgreSql extends LanguagePreferencesContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected LanguagePreferences newStore() {
            return new JdbcLanguagePreferences(pools.fresh(Databases.Kind.POSTGRESQL), PSEUDONYMS);
        }
    }

    @Nested
    class TipRotationStoreOnH2 extends TipRotationStoreContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected TipRotationStore newStore() {
            return new JdbcTipRotationStore(pools.fresh(Databases.Kind.H2));
        }
    }

    @Nested
    class TipRotationStoreOnPostgreSql extends TipRotationStoreContract {
        @RegisterExtension
        final Pools pools = new Pools();

        @Override
        protected TipRotationStore newStore() {
            return new JdbcTipRotationStore(pools.fresh(Databases.Kind.POSTGRESQL));
        }
    }
}
