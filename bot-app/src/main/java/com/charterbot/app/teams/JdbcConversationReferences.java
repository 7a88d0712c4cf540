package com.charterbot.app.teams;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Platform;
import com.charterbot.teams.ConversationReferences;
import com.charterbot.teams.StoredReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ConversationReferences} in the {@code teams_conversation} table, one row per tenant and
 * conversation; a save replaces the row. Thread-safe, and safe across replicas: two saves of the
 * same conversation leave one of them.
 */
final class JdbcConversationReferences implements ConversationReferences {

    private static final String UPDATE = """
            UPDATE teams_conversation SET scope = :scope, service_url = :serviceUrl, reference_json = :json, updated_at = :updatedAt
            WHERE tenant = :tenant AND conversation_id = :conversation""";
    private static final String INSERT = """
            INSERT INTO teams_conversation (tenant, conversation_id, scope, service_url, reference_json, updated_at)
            VALUES (:tenant, :conversation, :scope, :serviceUrl, :json, :updatedAt) ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;

    JdbcConversationReferences(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void save(StoredReference reference) {
        Objects.requireNonNull(reference, "reference");
        if (write(UPDATE, reference) == 0 && write(INSERT, reference) == 0) {
            // Another replica inserted it between our update and insert.
            write(UPDATE, reference);
        }
    }

    private int write(String sql, StoredReference reference) {
        return jdbc.sql(sql)
                .param("tenant", reference.conversation().tenant())
                .param("conversation", reference.conversation().channelId())
                .param("scope", reference.scope().name())
                .param("serviceUrl", reference.serviceUrl())
                .param("json", reference.json())
                .param(
                        "updatedAt",
                        OffsetDateTime.ofInstant(reference.updatedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<StoredReference> find(ChannelRef conversation) {
        if (conversation.platform() != Platform.TEAMS) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "SELECT tenant, conversation_id, scope, service_url, reference_json, updated_at FROM teams_conversation "
                                + "WHERE tenant = :tenant AND conversation_id = :conversation")
                .param("tenant", conversation.tenant())
                .param("conversation", conversation.channelId())
                .query((row, index) -> reference(row))
                .optional();
    }

    @Override
    public void forget(ChannelRef conversation) {
        jdbc.sql("DELETE FROM teams_conversation WHERE tenant = :tenant AND conversation_id = :conversation")
                .param("tenant", conversation.tenant())
                .param("conversation", conversation.channelId())
                .update();
    }

    private static StoredReference reference(ResultSet row) throws SQLException {
        Instant updatedAt = row.getObject("updated_at", OffsetDateTime.class).toInstant();
        return new StoredReference(
                new ChannelRef(Platform.TEAMS, row.getString("tenant"), row.getString("conversation_id")),
                StoredReference.Scope.valueOf(row.getString("scope")),
                row.getString("service_url"),
                row.getString("reference_json"),
                updatedAt);
    }
}
