package com.charterbot.app.conversation;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of quizzes, administrators and nudges.
 *
 * @param quiz how personal quizzes run
 * @param admins who may change nudges and see statistics
 * @param nudges defaults of channels the bot joins
 */
@ConfigurationProperties("charter")
public record ConversationProperties(@DefaultValue Quiz quiz, @DefaultValue Admins admins, @DefaultValue Nudges nudges) {

    /**
     * @param questions questions per micro-quiz, 1 to 10
     * @param sessionTtl how long an unanswered quiz stays open
     */
    public record Quiz(@DefaultValue("3") int questions, @DefaultValue("30m") Duration sessionTtl) {}

    /**
     * @param slackUserIds Slack user ids ({@code U...}) of charter administrators
     * @param teamsUserIds Microsoft Entra object ids of charter administrators
     * @param trustPlatformAdmins whether Slack workspace admins and Teams team owners are administrators too
     */
    public record Admins(@DefaultValue Set<String> slackUserIds, @DefaultValue Set<String> teamsUserIds,
            @DefaultValue("true") boolean trustPlatformAdmins) {}

    /** @param zone the time zone of a new channel's nudges (an IANA id) */
    public record Nudges(@DefaultValue("Europe/Paris") ZoneId zone) {}
}
