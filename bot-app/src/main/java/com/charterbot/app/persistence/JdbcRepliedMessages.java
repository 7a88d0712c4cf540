package com.charterbot.app.persistence;

import com.charterbot.core.chat.RepliedMessages;
import com.charterbot.core.values.ChannelRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RepliedMessages} in the {@code replied_message} table, shared by every replica: a message
 * is found by a SHA-256 hash of its place (platform, tenant, conversation, message id), so the table
 * holds no conversation or message id in clear, only the reply's id and when it was sent. Thread-safe.
 */
public final class JdbcRepliedMessages implements RepliedMessages {

    private final JdbcClient jdbc;

    public JdbcRepliedMessages(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void remember(ChannelRef conversation, String messageId, String replyId, Instant at) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(at, "at");
        if (!usable(messageId) || !usable(replyId)) {
            return;
        }
        String key = key(conversation, messageId);
        // Insert first: a new message (nearly every call) costs one statement; an edited one, two.
        int inserted;
        try {
            inserted = jdbc.sql(
                            "INSERT INTO replied_message (message_key, reply_id, replied_at) VALUES (:key, :reply, :at) ON CONFLICT DO NOTHING")
                    .param("key", key)
                    .param("reply", replyId)
                    .param("at", DbTime.timestamp(at))
                    .update();
        } catch (DuplicateKeyException raceOnH2) {
            // H2 may report a concurrent insert of the same key instead of skipping it.
            inserted = 0;
        }
        if (inserted == 0) {
            update(key, replyId, at);
        }
    }

    private int update(String key, String replyId, Instant at) {
        return jdbc.sql("UPDATE replied_message SET reply_id = :reply, replied_at = :at WHERE message_key = :key")
                .param("key", key)
                .param("reply", replyId)
                .param("at", DbTime.timestamp(at))
                .update();
    }

    @Override
    public Optional<String> replyTo(ChannelRef conversation, String messageId, Instant now) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(now, "now");
        if (!usable(messageId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT reply_id FROM replied_message WHERE message_key = :key AND replied_at >= :since")
                .param("key", key(conversation, messageId))
                .param("since", DbTime.bound(now.minus(KEPT)))
                .query((rs, row) -> rs.getString(1))
                .optional();
    }

    @Override
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM replied_message WHERE replied_at < :before")
                .param("before", DbTime.bound(before))
                .update();
    }

    private static boolean usable(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID;
    }

    /** The message's place, hashed: platform, tenant, conversation and message id, each length-prefixed so no two places collide. */
    static String key(ChannelRef conversation, String messageId) {
        StringBuilder place = new StringBuilder();
        for (String part :
                new String[] {conversation.platform().name(), conversation.tenant(), conversation.channelId(), messageId
                }) {
            place.append(part.length()).append(':').append(part);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(place.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
