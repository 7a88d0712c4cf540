package com.charterbot.app.persistence;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeContent;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link ChannelStore} in the {@code channel_state} table, one row per channel (unique on
 * platform, tenant and channel id). Works on PostgreSQL and on H2 in PostgreSQL mode.
 *
 * <p>An empty name or pause reason is stored as NULL; the nudge time as {@code HH:mm}; the zone as
 * its id; instants in UTC, truncated to the microsecond. The row also holds the platform's
 * serialized conversation reference (Teams proactive messaging), which {@link #save} leaves as it
 * is and {@link #remove} deletes with the row. Thread-safe.
 */
public final class JdbcChannelStore implements ChannelStore {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private static final String COLUMNS =
            "platform, tenant, channel_id, name, frequency, weekday, day_of_month, time_of_day, "
                    + "zone, language, content, status, pause_reason, last_delivery, last_kind";
    private static final String WHERE_CHANNEL =
            " WHERE platform = :platform AND tenant = :tenant AND channel_id = :channelId";

    private final JdbcClient jdbc;

    public JdbcChannelStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<ChannelState> find(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return channel(jdbc.sql("SELECT " + COLUMNS + " FROM channel_state" + WHERE_CHANNEL), channel)
                .query(JdbcChannelStore::state)
                .optional();
    }

    /** Inserts the state, or updates every field of the channel's row; the conversation reference and created_at are kept. */
    @Override
    public void save(ChannelState state) {
        Objects.requireNonNull(state, "state");
        if (update(state) > 0) {
            return;
        }
        int inserted;
        try {
            inserted = fields(
                            jdbc.sql("INSERT INTO channel_state (" + COLUMNS + ", created_at, updated_at) VALUES ("
                                    + ":platform, :tenant, :channelId, :name, :frequency, :weekday, :dayOfMonth, :time, "
                                    + ":zone, :language, :content, :status, :pauseReason, :lastDelivery, :lastKind, "
                                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING"),
                            state)
                    .update();
        } catch (DuplicateKeyException raceOnH2) {
            // H2 may report a concurrent insert of the same channel instead of skipping it.
            inserted = 0;
        }
        if (inserted == 0) {
            // Another writer inserted the channel in between: this save is the later one.
            update(state);
        }
    }

    private int update(ChannelState state) {
        return fields(
                        jdbc.sql("UPDATE channel_state SET name = :name, frequency = :frequency, weekday = :weekday, "
                                + "day_of_month = :dayOfMonth, time_of_day = :time, zone = :zone, language = :language, content = :content, "
                                + "status = :status, pause_reason = :pauseReason, last_delivery = :lastDelivery, last_kind = :lastKind, "
                                + "updated_at = CURRENT_TIMESTAMP" + WHERE_CHANNEL),
                        state)
                .update();
    }

    /** Every state, oldest saved channel first. */
    @Override
    public List<ChannelState> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_state ORDER BY id")
                .query(JdbcChannelStore::state)
                .list();
    }

    /** The paused channels, picked by the database, oldest saved first. */
    @Override
    public List<ChannelState> paused() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_state WHERE status = 'PAUSED' ORDER BY id")
                .query(JdbcChannelStore::state)
                .list();
    }

    /** How many channels have their nudges paused, counted by the database. */
    @Override
    public int countPaused() {
        return jdbc.sql("SELECT COUNT(*) FROM channel_state WHERE status = 'PAUSED'")
                .query(Integer.class)
                .single();
    }

    /** One conditional UPDATE of the last delivery and its kind. */
    @Override
    public void markDelivered(ChannelRef channel, Instant at, NudgeSent.Kind kind) {
        Objects.requireNonNull(channel, "channel");
        channel(
                        jdbc.sql("UPDATE channel_state SET last_delivery = :at, last_kind = :kind, "
                                + "updated_at = CURRENT_TIMESTAMP" + WHERE_CHANNEL
                                + " AND (last_delivery IS NULL OR last_delivery < :at)"),
                        channel)
                .param("at", DbTime.timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("kind", kind.name())
                .update();
    }

    @Override
    public void remove(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        channel(jdbc.sql("DELETE FROM channel_state" + WHERE_CHANNEL), channel).update();
    }

    /** The channel's serialized conversation reference; empty when the channel is unknown or has none. */
    public Optional<String> conversationReference(ChannelRef channel) {
        Objects.requireNonNull(channel, "channel");
        return channel(jdbc.sql("SELECT conversation_reference FROM channel_state" + WHERE_CHANNEL), channel)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(reference -> reference);
    }

    /**
     * Keeps the channel's serialized conversation reference, replacing the previous one; null
     * clears it.
     *
     * @throws IllegalStateException when the channel has no state yet: save its state first
     */
    public void saveConversationReference(ChannelRef channel, String reference) {
        Objects.requireNonNull(channel, "channel");
        int updated = channel(
                        jdbc.sql(
                                "UPDATE channel_state SET conversation_reference = :reference, updated_at = CURRENT_TIMESTAMP"
                                        + WHERE_CHANNEL),
                        channel)
                .param("reference", reference, Types.VARCHAR)
                .update();
        if (updated == 0) {
            throw new IllegalStateException(
                    "no state is kept for channel " + channel.key() + ": save it before its conversation reference");
        }
    }

    private static JdbcClient.StatementSpec channel(JdbcClient.StatementSpec statement, ChannelRef channel) {
        return statement
                .param("platform", channel.platform().name())
                .param("tenant", channel.tenant())
                .param("channelId", channel.channelId());
    }

    private static JdbcClient.StatementSpec fields(JdbcClient.StatementSpec statement, ChannelState state) {
        NudgeSettings settings = state.settings();
        return channel(statement, state.channel())
                .param("name", state.name().isEmpty() ? null : state.name(), Types.VARCHAR)
                .param("frequency", settings.frequency().name())
                .param("weekday", settings.weekday().name())
                .param("dayOfMonth", settings.dayOfMonth())
                .param("time", HOURS_MINUTES.format(settings.time()))
                .param("zone", settings.zone().getId())
                .param("language", settings.language().tag())
                .param("content", settings.content().name())
                .param("status", state.status().name())
                .param("pauseReason", state.pauseReason().isEmpty() ? null : state.pauseReason(), Types.VARCHAR)
                .param(
                        "lastDelivery",
                        state.lastDelivery().map(DbTime::timestamp).orElse(null),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .param("lastKind", state.lastKind().map(Enum::name).orElse(null), Types.VARCHAR);
    }

    private static ChannelState state(ResultSet rs, int row) throws SQLException {
        ChannelRef channel = new ChannelRef(
                Platform.valueOf(rs.getString("platform")), rs.getString("tenant"), rs.getString("channel_id"));
        String language = rs.getString("language");
        NudgeSettings settings = new NudgeSettings(
                Frequency.valueOf(rs.getString("frequency")),
                DayOfWeek.valueOf(rs.getString("weekday")),
                rs.getInt("day_of_month"),
                LocalTime.parse(rs.getString("time_of_day"), HOURS_MINUTES),
                ZoneId.of(rs.getString("zone")),
                Language.fromTag(language)
                        .orElseThrow(() -> new IllegalStateException(
                                "unknown language '" + language + "' stored for " + channel.key())),
                NudgeContent.valueOf(rs.getString("content")));
        OffsetDateTime lastDelivery = rs.getObject("last_delivery", OffsetDateTime.class);
        String lastKind = rs.getString("last_kind");
        return new ChannelState(
                channel,
                Objects.requireNonNullElse(rs.getString("name"), ""),
                settings,
                ChannelState.Status.valueOf(rs.getString("status")),
                Objects.requireNonNullElse(rs.getString("pause_reason"), ""),
                Optional.ofNullable(lastDelivery).map(OffsetDateTime::toInstant),
                Optional.ofNullable(lastKind).map(NudgeSent.Kind::valueOf));
    }
}
