package com.charterbot.core.chat;

import com.charterbot.core.values.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which message of the bot answered which message of a person, so that when the person edits
 * their question the new answer replaces the old one in place. Only platform ids are kept: no text,
 * no user; entries older than {@link #KEPT} are neither given back nor kept.
 */
public interface RepliedMessages {

    /** How long a reply can be found from its question: edits come within minutes, rarely after a day. */
    Duration KEPT = Duration.ofDays(1);

    /** The longest message or reply id kept; longer ids are not remembered (platform ids are far shorter). */
    int MAX_ID = 200;

    /**
     * Remembers that {@code replyId} answered {@code messageId} in {@code conversation}; a later
     * reply to the same message replaces it. Ids longer than {@link #MAX_ID} are ignored.
     */
    void remember(ChannelRef conversation, String messageId, String replyId, Instant at);

    /** The reply to this message, if it was remembered less than {@link #KEPT} before {@code now}. */
    Optional<String> replyTo(ChannelRef conversation, String messageId, Instant now);

    /** Forgets what was remembered before this instant; returns how many entries went. */
    int forgetBefore(Instant before);
}
