package com.charterbot.app.conversation;

import com.charterbot.core.nudge.Frequency;
import com.charterbot.core.nudge.NudgeContent;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.values.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
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
public record ConversationProperties(
        @DefaultValue Quiz quiz,
        @DefaultValue Admins admins,
        @DefaultValue Nudges nudges) {

    /**
     * @param questions questions per micro-quiz, 1 to 10
     * @param sessionTtl how long an unanswered quiz stays open
     */
    public record Quiz(
            @DefaultValue("3") int questions,
            @DefaultValue("30m") Duration sessionTtl) {}

    /**
     * @param slackUserIds Slack user ids ({@code U...}) of charter administrators
     * @param teamsUserIds Microsoft Entra object ids of charter administrators
     * @param trustPlatformAdmins whether Slack workspace admins and owners are administrators too (Teams tells the bot no such thing)
     */
    public record Admins(
            @DefaultValue Set<String> slackUserIds,
            @DefaultValue Set<String> teamsUserIds,
            @DefaultValue("true") boolean trustPlatformAdmins) {}

    /**
     * The nudges of a channel nobody configured yet.
     *
     * @param zone an IANA time zone, which also dates statistics
     */
    public record Nudges(
            @DefaultValue("Europe/Paris") ZoneId zone,
            @DefaultValue("WEEKLY") Frequency frequency,
            @DefaultValue("MONDAY") DayOfWeek weekday,
            @DefaultValue("1") int dayOfMonth,
            @DefaultValue("10:00") LocalTime time,
            @DefaultValue("ALTERNATE") NudgeContent content) {

        /** The defaults, in the bot's default language. */
        public NudgeSettings settings(Language language) {
            return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
        }
    }
}
