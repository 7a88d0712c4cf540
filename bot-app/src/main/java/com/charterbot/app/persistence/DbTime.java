package com.charterbot.app.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How instants go in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same on H2 and
 * PostgreSQL: in UTC, to the microsecond (both databases would round finer instants differently).
 */
final class DbTime {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private DbTime() {}

    /** An instant as stored. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** A query bound, brought within the years both databases can hold (so Instant.MIN and MAX work). */
    static OffsetDateTime bound(Instant instant) {
        Instant clamped = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        return timestamp(clamped);
    }

    /** The instant in a non-null timestamp column. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
