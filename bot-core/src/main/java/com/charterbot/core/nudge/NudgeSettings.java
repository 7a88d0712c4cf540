package com.charterbot.core.nudge;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * When and how a channel is nudged.
 *
 * @param weekday the day of WEEKLY and BIWEEKLY nudges; kept but unused by the other frequencies
 * @param dayOfMonth 1 to 31, the day of MONTHLY nudges (the month's last day when it is shorter)
 * @param time the local time of day in {@code zone}; truncated to the minute
 * @param language the language the nudges are written in
 */
public record NudgeSettings(
        Frequency frequency,
        DayOfWeek weekday,
        int dayOfMonth,
        LocalTime time,
        ZoneId zone,
        Language language,
        NudgeContent content) {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public NudgeSettings {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(weekday, "weekday");
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("dayOfMonth must be 1 to 31: " + dayOfMonth);
        }
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MINUTES);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(content, "content");
    }

    /** Weekly on Monday at 10:00, a tip and a quiz in turn. */
    public static NudgeSettings defaults(ZoneId zone, Language language) {
        return new NudgeSettings(
                Frequency.WEEKLY, DayOfWeek.MONDAY, 1, LocalTime.of(10, 0), zone, language, NudgeContent.ALTERNATE);
    }

    public NudgeSettings withFrequency(Frequency frequency) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    public NudgeSettings withWeekday(DayOfWeek weekday) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    public NudgeSettings withDayOfMonth(int dayOfMonth) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    public NudgeSettings withTime(LocalTime time) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    public NudgeSettings withZone(ZoneId zone) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    public NudgeSettings withLanguage(Language language) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    public NudgeSettings withContent(NudgeContent content) {
        return new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, language, content);
    }

    /** Whether nudges are sent at all. */
    public boolean enabled() {
        return frequency != Frequency.OFF;
    }

    /**
     * One whole sentence summing these settings up in {@code in}, e.g. "Weekly on Tuesday at 10:00
     * (Europe/Paris): a tip and a quiz in turn, in English."
     */
    public String describe(Language in) {
        Objects.requireNonNull(in, "in");
        if (frequency == Frequency.OFF) {
            return Messages.get(in, "nudges.describe.off");
        }
        String shape = switch (frequency) {
            case DAILY_WORKDAYS -> "daily";
            case WEEKLY -> "weekly";
            case BIWEEKLY -> "biweekly";
            case MONTHLY -> dayOfMonth > 28 ? "monthly-late" : "monthly";
            case OFF -> throw new AssertionError();
        };
        String day = switch (frequency) {
            case WEEKLY, BIWEEKLY -> weekday.getDisplayName(TextStyle.FULL, in.locale());
            case MONTHLY -> Integer.toString(dayOfMonth);
            default -> "";
        };
        String key = "nudges.describe." + shape + "." + content.name().toLowerCase(Locale.ROOT);
        return Messages.get(
                in,
                key,
                day,
                HOURS_MINUTES.format(time),
                zone.getId(),
                language.locale().getDisplayLanguage(in.locale()));
    }
}
