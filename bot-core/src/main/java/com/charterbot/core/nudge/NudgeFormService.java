package com.charterbot.core.nudge;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.Decision;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The nudge form, with the rules of the {@code nudges} command: only administrators, a paused
 * channel resumes when its nudges are on, an unknown channel is registered, and every change is
 * audited as {@link AdminActions#NUDGES_CHANGE} with the settings before and after, in English.
 *
 * <p>Times and zones are read like the command reads them (a time such as {@code 16:00} or
 * {@code 9h30}, an IANA zone in any case). Every field is required. A rejected form is refilled
 * with what was submitted, texts cut to their maximum length; a choice whose submitted value is
 * not one of its options shows the channel's current value instead, so that the form can still be
 * laid out.
 *
 * <p>The form and the messages are in the person's chosen language, else the platform's, else
 * the configured default.
 */
public final class NudgeFormService implements EditNudges {

    static final int TIME_LENGTH = 5;
    static final int ZONE_LENGTH = 64;
    /** Audit targets are bounded like the command's; platform ids are far shorter. */
    private static final int MAX_TARGET = 500;

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ChannelStore channels;
    private final AdminActions admin;
    private final LanguagePreferences languages;
    private final NudgeSettings channelDefaults;
    private final Language defaultLanguage;

    /**
     * @param channelDefaults the nudges of a channel not registered yet
     * @param defaultLanguage the language of the form when neither the person nor the platform gives one
     */
    public NudgeFormService(
            ChannelStore channels,
            AdminActions admin,
            LanguagePreferences languages,
            NudgeSettings channelDefaults,
            Language defaultLanguage) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.channelDefaults = Objects.requireNonNull(channelDefaults, "channelDefaults");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }

    @Override
    public NudgeFormOutcome open(
            UserRef user, boolean platformAdmin, ChannelRef channel, Optional<Language> platformLanguage) {
        Objects.requireNonNull(channel, "channel");
        Language language = language(user, platformLanguage);
        if (admin.authorize(user, platformAdmin) instanceof Decision.Denied denied) {
            return new NudgeFormOutcome.Denied(denied.reason(language));
        }
        ChannelState current = current(channel);
        return new NudgeFormOutcome.Form(form(current, language, values(current.settings())));
    }

    @Override
    public NudgeFormOutcome submit(
            UserRef user,
            boolean platformAdmin,
            ChannelRef channel,
            Map<String, String> values,
            Optional<Language> platformLanguage) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(values, "values");
        Language language = language(user, platformLanguage);
        if (admin.authorize(user, platformAdmin) instanceof Decision.Denied denied) {
            return new NudgeFormOutcome.Denied(denied.reason(language));
        }
        Optional<ChannelState> stored = channels.find(channel);
        ChannelState current = stored.orElseGet(() -> ChannelState.of(channel, "", channelDefaults));
        Reading reading = new Reading(values, language);
        Frequency frequency = reading.choice(NudgeForm.FREQUENCY, enumOptions(Frequency.values()), Frequency::valueOf);
        DayOfWeek weekday = reading.choice(NudgeForm.WEEKDAY, enumOptions(DayOfWeek.values()), DayOfWeek::valueOf);
        Integer dayOfMonth = reading.choice(NudgeForm.DAY_OF_MONTH, dayOptions(), Integer::valueOf);
        LocalTime time = reading.text(NudgeForm.TIME, TIME_LENGTH, NudgeSyntax::parseTime, "nudges.invalid.bad-time");
        ZoneId zone = reading.text(NudgeForm.ZONE, ZONE_LENGTH, NudgeSyntax::parseZone, "nudges.invalid.bad-zone");
        Language nudgeLanguage = reading.choice(
                NudgeForm.LANGUAGE,
                languageOptions(),
                tag -> Language.fromTag(tag).orElseThrow());
        NudgeContent content =
                reading.choice(NudgeForm.CONTENT, enumOptions(NudgeContent.values()), NudgeContent::valueOf);
        if (!reading.errors.isEmpty()) {
            Map<String, String> refilled = new LinkedHashMap<>(values(current.settings()));
            refilled.putAll(reading.refilled);
            return new NudgeFormOutcome.Rejected(form(current, language, refilled), reading.errors);
        }
        NudgeSettings settings = new NudgeSettings(frequency, weekday, dayOfMonth, time, zone, nudgeLanguage, content);
        ChannelState updated = current.withSettings(settings);
        boolean resumed = updated.status() == ChannelState.Status.PAUSED && settings.enabled();
        if (resumed) {
            // As with "nudges on": an administrator turning nudges on wants them back.
            updated = updated.resumed();
        }
        boolean changed = !updated.equals(current) || stored.isEmpty();
        if (changed) {
            channels.save(updated);
            admin.audited(
                    user,
                    AdminActions.NUDGES_CHANGE,
                    bounded(channel.key()),
                    current.settings().describe(Language.EN),
                    updated.settings().describe(Language.EN));
        }
        return new NudgeFormOutcome.Saved(updated, confirmation(updated, changed, resumed, language));
    }

    private Language language(UserRef user, Optional<Language> platformLanguage) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(platformLanguage, "platformLanguage");
        return languages.find(user).or(() -> platformLanguage).orElse(defaultLanguage);
    }

    private ChannelState current(ChannelRef channel) {
        return channels.find(channel).orElseGet(() -> ChannelState.of(channel, "", channelDefaults));
    }

    /** The field values of these settings. */
    private static Map<String, String> values(NudgeSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(NudgeForm.FREQUENCY, settings.frequency().name());
        values.put(NudgeForm.WEEKDAY, settings.weekday().name());
        values.put(NudgeForm.DAY_OF_MONTH, Integer.toString(settings.dayOfMonth()));
        values.put(NudgeForm.TIME, HOURS_MINUTES.format(settings.time()));
        values.put(NudgeForm.ZONE, settings.zone().getId());
        values.put(NudgeForm.LANGUAGE, settings.language().tag());
        values.put(NudgeForm.CONTENT, settings.content().name());
        return values;
    }

    private static NudgeForm form(ChannelState channel, Language in, Map<String, String> values) {
        List<NudgeForm.Field> fields = List.of(
                choice(
                        NudgeForm.FREQUENCY,
                        in,
                        "nudges.form.frequency",
                        values,
                        "",
                        options(
                                enumOptions(Frequency.values()),
                                value -> Messages.get(in, "nudges.form.frequency." + key(value)))),
                choice(
                        NudgeForm.WEEKDAY,
                        in,
                        "nudges.form.weekday",
                        values,
                        Messages.get(in, "nudges.form.weekday.hint"),
                        options(
                                enumOptions(DayOfWeek.values()),
                                value -> capitalized(
                                        DayOfWeek.valueOf(value).getDisplayName(TextStyle.FULL, in.locale()), in))),
                choice(
                        NudgeForm.DAY_OF_MONTH,
                        in,
                        "nudges.form.day-of-month",
                        values,
                        Messages.get(in, "nudges.form.day-of-month.hint"),
                        options(dayOptions(), Function.identity())),
                text(
                        NudgeForm.TIME,
                        in,
                        "nudges.form.time",
                        values,
                        Messages.get(in, "nudges.form.time.hint"),
                        TIME_LENGTH),
                text(
                        NudgeForm.ZONE,
                        in,
                        "nudges.form.zone",
                        values,
                        Messages.get(in, "nudges.form.zone.hint"),
                        ZONE_LENGTH),
                choice(
                        NudgeForm.LANGUAGE,
                        in,
                        "nudges.form.language",
                        values,
                        "",
                        options(
                                languageOptions(),
                                tag -> capitalized(Messages.get(in, "commands.language." + tag), in))),
                choice(
                        NudgeForm.CONTENT,
                        in,
                        "nudges.form.content",
                        values,
                        "",
                        options(
                                enumOptions(NudgeContent.values()),
                                value -> Messages.get(in, "nudges.form.content." + key(value)))));
        return new NudgeForm(
                in,
                channel.channel(),
                Messages.get(in, "nudges.form.title", ChannelLabels.name(channel)),
                Messages.get(in, "nudges.form.submit"),
                Messages.get(in, "nudges.form.cancel"),
                fields);
    }

    private static NudgeForm.Field choice(
            String id,
            Language in,
            String labelKey,
            Map<String, String> values,
            String hint,
            List<NudgeForm.Option> options) {
        int longest = options.stream()
                .mapToInt(option -> option.value().length())
                .max()
                .orElse(1);
        return new NudgeForm.Field(
                id, Messages.get(in, labelKey), NudgeForm.Kind.CHOICE, values.get(id), options, hint, longest);
    }

    private static NudgeForm.Field text(
            String id, Language in, String labelKey, Map<String, String> values, String hint, int maxLength) {
        return new NudgeForm.Field(
                id, Messages.get(in, labelKey), NudgeForm.Kind.TEXT, values.get(id), List.of(), hint, maxLength);
    }

    private static List<NudgeForm.Option> options(List<String> values, Function<String, String> label) {
        return values.stream()
                .map(value -> new NudgeForm.Option(value, label.apply(value)))
                .toList();
    }

    private static List<String> enumOptions(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static List<String> dayOptions() {
        return IntStream.rangeClosed(1, 31).mapToObj(Integer::toString).toList();
    }

    private static List<String> languageOptions() {
        return Arrays.stream(Language.values()).map(Language::tag).toList();
    }

    /** DAILY_WORKDAYS to daily-workdays, as in the message keys. */
    private static String key(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** French day and language names are lower case; an option in a list starts with a capital. */
    private static String capitalized(String text, Language in) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(in.locale()) + text.substring(1);
    }

    private static Reply confirmation(ChannelState state, boolean changed, boolean resumed, Language in) {
        String channel = ChannelLabels.name(state);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(Messages.get(in, changed ? "nudges.form.saved" : "nudges.form.unchanged", channel)));
        blocks.add(new Block.Text(state.settings().describe(in)));
        if (resumed) {
            blocks.add(new Block.Context(Messages.get(in, "nudges.form.resumed")));
        }
        return Reply.of(in, Reply.Delivery.PRIVATE, blocks);
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TARGET ? text : text.substring(0, MAX_TARGET);
    }

    /** Reads the submitted values one field at a time, gathering an error per wrong field. */
    private static final class Reading {
        private final Map<String, String> values;
        private final Language in;
        final Map<String, String> errors = new LinkedHashMap<>();
        /** The valid choices and every text as submitted (cut to its length), to refill a rejected form. */
        final Map<String, String> refilled = new LinkedHashMap<>();

        Reading(Map<String, String> values, Language in) {
            this.values = values;
            this.in = in;
        }

        /** The option matching the submitted value (case aside), converted; null after recording an error. */
        <T> T choice(String id, List<String> options, Function<String, T> convert) {
            String value = submitted(id);
            if (value == null) {
                return null;
            }
            for (String option : options) {
                if (option.equalsIgnoreCase(value)) {
                    refilled.put(id, option);
                    return convert.apply(option);
                }
            }
            errors.put(id, Messages.get(in, "nudges.form.error.unknown-option"));
            return null;
        }

        /** The submitted text, parsed; null after recording an error. */
        <T> T text(String id, int maxLength, Function<String, Optional<T>> parse, String invalidKey) {
            String value = submitted(id);
            if (value == null) {
                refilled.put(id, "");
                return null;
            }
            refilled.put(id, value.length() <= maxLength ? value : value.substring(0, maxLength));
            if (value.length() > maxLength) {
                errors.put(id, Messages.get(in, "nudges.form.error.too-long", maxLength));
                return null;
            }
            Optional<T> parsed = parse.apply(value);
            if (parsed.isEmpty()) {
                errors.put(id, Messages.get(in, invalidKey, value));
                return null;
            }
            return parsed.get();
        }

        /** The stripped value; null after recording an error when it is missing or blank. */
        private String submitted(String id) {
            String value = values.get(id);
            if (value == null || value.isBlank()) {
                errors.put(id, Messages.get(in, "nudges.form.error.missing"));
                return null;
            }
            return value.strip();
        }
    }
}
