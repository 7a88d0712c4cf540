package com.charterbot.core.nudge;

import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the arguments of the admin {@code nudges} command, in English or French.
 *
 * <p>Words are case-insensitive and accents are optional; several settings may share one line
 * ("weekly friday 16:00 zone Europe/Paris content quiz"), each given at most once. Anything that
 * is not understood exactly gives an {@link NudgeRequest.Invalid} naming the problem: the syntax
 * never guesses.
 */
public final class NudgeSyntax {

    /** The key of the usage text (several lines, with examples) to show with an invalid request. */
    public static final String USAGE_KEY = "nudges.usage";

    private enum Word {
        OFF,
        ON,
        DAILY,
        WEEKLY,
        FORTNIGHTLY,
        MONTHLY,
        TIME,
        ZONE,
        LANGUAGE,
        CONTENT,
        HELP
    }

    /** What a word sets; each may be set once per line. */
    private enum Setting {
        FREQUENCY,
        SWITCH_ON,
        TIME,
        ZONE,
        LANGUAGE,
        CONTENT
    }

    private static final Map<String, Word> WORDS = Map.ofEntries(
            Map.entry("off", Word.OFF),
            Map.entry("stop", Word.OFF),
            Map.entry("arret", Word.OFF),
            Map.entry("on", Word.ON),
            Map.entry("activer", Word.ON),
            Map.entry("daily", Word.DAILY),
            Map.entry("quotidien", Word.DAILY),
            Map.entry("quotidienne", Word.DAILY),
            Map.entry("weekly", Word.WEEKLY),
            Map.entry("hebdo", Word.WEEKLY),
            Map.entry("hebdomadaire", Word.WEEKLY),
            Map.entry("fortnightly", Word.FORTNIGHTLY),
            Map.entry("biweekly", Word.FORTNIGHTLY),
            Map.entry("quinzaine", Word.FORTNIGHTLY),
            Map.entry("monthly", Word.MONTHLY),
            Map.entry("mensuel", Word.MONTHLY),
            Map.entry("mensuelle", Word.MONTHLY),
            Map.entry("time", Word.TIME),
            Map.entry("heure", Word.TIME),
            Map.entry("zone", Word.ZONE),
            Map.entry("timezone", Word.ZONE),
            Map.entry("fuseau", Word.ZONE),
            Map.entry("fuseau-horaire", Word.ZONE),
            Map.entry("lang", Word.LANGUAGE),
            Map.entry("language", Word.LANGUAGE),
            Map.entry("langue", Word.LANGUAGE),
            Map.entry("content", Word.CONTENT),
            Map.entry("contenu", Word.CONTENT),
            Map.entry("help", Word.HELP),
            Map.entry("aide", Word.HELP));

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("jeu", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY), Map.entry("sam", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("dim", DayOfWeek.SUNDAY));

    private static final Map<String, Language> LANGUAGE_NAMES =
            Map.of("english", Language.EN, "anglais", Language.EN, "french", Language.FR, "francais", Language.FR);

    private static final Map<String, NudgeContent> CONTENTS = Map.ofEntries(
            Map.entry("tips", NudgeContent.TIPS),
            Map.entry("tip", NudgeContent.TIPS),
            Map.entry("astuces", NudgeContent.TIPS),
            Map.entry("astuce", NudgeContent.TIPS),
            Map.entry("quiz", NudgeContent.QUIZ),
            Map.entry("quizz", NudgeContent.QUIZ),
            Map.entry("quizzes", NudgeContent.QUIZ),
            Map.entry("both", NudgeContent.ALTERNATE),
            Map.entry("les-deux", NudgeContent.ALTERNATE),
            Map.entry("alternate", NudgeContent.ALTERNATE),
            Map.entry("alternance", NudgeContent.ALTERNATE));

    /** 16:00, 9:30, 9h30, 09h, 9h. */
    private static final Pattern TIME_24H = Pattern.compile("(\\d{1,2})(?::(\\d{2})|h(\\d{2})?)");
    /** 4pm, 9:30am, 12am. */
    private static final Pattern TIME_12H = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm)");
    /** 15, 1st, 1er, 15th, 15e. */
    private static final Pattern DAY_OF_MONTH = Pattern.compile("(\\d{1,3})(?:st|nd|rd|th|er|e|eme)?");

    private NudgeSyntax() {}

    /** What these arguments ask, applied to the channel's current settings. */
    public static NudgeRequest interpret(String arguments, NudgeSettings current) {
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(current, "current");
        String[] words = Arrays.stream(arguments.split("[\\s,;]+"))
                .filter(word -> !word.isEmpty())
                .toArray(String[]::new);
        if (words.length == 0) {
            return new NudgeRequest.Show();
        }
        try {
            return new NudgeRequest.Change(new Reading(words, current).read());
        } catch (Rejected rejected) {
            return rejected.request;
        }
    }

    /** Lower case without accents, for comparing words. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "");
    }

    /** Reads a time of day such as 16:00, 9h30, 09h or 4pm; empty when it is not one. */
    static Optional<LocalTime> parseTime(String word) {
        String folded = fold(word);
        Matcher h24 = TIME_24H.matcher(folded);
        if (h24.matches()) {
            int hour = Integer.parseInt(h24.group(1));
            String minutes = h24.group(2) != null ? h24.group(2) : h24.group(3);
            return timeOf(hour, minutes == null ? 0 : Integer.parseInt(minutes));
        }
        Matcher h12 = TIME_12H.matcher(folded);
        if (h12.matches()) {
            int hour = Integer.parseInt(h12.group(1));
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            int minutes = h12.group(2) == null ? 0 : Integer.parseInt(h12.group(2));
            return timeOf(hour % 12 + (h12.group(3).equals("pm") ? 12 : 0), minutes);
        }
        return Optional.empty();
    }

    private static Optional<LocalTime> timeOf(int hour, int minute) {
        return hour <= 23 && minute <= 59 ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
    }

    /** The zone with this IANA id, whatever its case; empty when there is none. */
    static Optional<ZoneId> parseZone(String word) {
        return Optional.ofNullable(Zones.BY_FOLDED_ID.get(word.toLowerCase(Locale.ROOT)))
                .map(ZoneId::of);
    }

    private static final class Zones {
        static final Map<String, String> BY_FOLDED_ID = new TreeMap<>();

        static {
            for (String id : ZoneId.getAvailableZoneIds()) {
                BY_FOLDED_ID.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
    }

    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final NudgeRequest.Invalid request;

        Rejected(String key, String... arguments) {
            super(key, null, false, false);
            // A word shown back in the message is cut short: it was typed by a person.
            this.request = new NudgeRequest.Invalid(
                    key,
                    Arrays.stream(arguments)
                            .map(word -> UserText.echo(word, 40))
                            .toList());
        }
    }

    /** One pass over the words of a line. */
    private static final class Reading {
        private final String[] raw;
        private final String[] folded;
        private final NudgeSettings current;
        private final Set<Setting> set = EnumSet.noneOf(Setting.class);
        private int next;
        private Frequency frequency;
        private String frequencyWord;
        private String onWord;
        private DayOfWeek weekday;
        private Integer dayOfMonth;
        private LocalTime time;
        private ZoneId zone;
        private Language language;
        private NudgeContent content;

        Reading(String[] words, NudgeSettings current) {
            this.raw = words;
            this.folded = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                folded[i] = fold(words[i]);
            }
            this.current = current;
        }

        NudgeSettings read() {
            while (next < raw.length) {
                String word = raw[next];
                Word keyword = WORDS.get(folded[next]);
                next++;
                if (keyword == null) {
                    Optional<ZoneId> bareZone = parseZone(word);
                    if (bareZone.isPresent() && word.contains("/")) {
                        // "weekly tue 09:30 Europe/Paris": a region/city id needs no "zone" keyword.
                        claim(Setting.ZONE, word);
                        zone = bareZone.get();
                        continue;
                    }
                    throw new Rejected(unknownWordKey(word), word);
                }
                switch (keyword) {
                    case OFF -> frequency(Frequency.OFF, word);
                    case ON -> {
                        claim(Setting.SWITCH_ON, word);
                        onWord = word;
                    }
                    case DAILY -> {
                        frequency(Frequency.DAILY_WORKDAYS, word);
                        optionalTime();
                    }
                    case WEEKLY, FORTNIGHTLY -> {
                        frequency(keyword == Word.WEEKLY ? Frequency.WEEKLY : Frequency.BIWEEKLY, word);
                        weekday = weekday(word);
                        optionalTime();
                    }
                    case MONTHLY -> {
                        frequency(Frequency.MONTHLY, word);
                        // The day may be left out ("monthly", "monthly 09:00"): the channel keeps its day of the month.
                        if (next < raw.length
                                && DAY_OF_MONTH.matcher(folded[next]).matches()) {
                            dayOfMonth = dayOfMonth(word);
                        }
                        optionalTime();
                    }
                    case TIME -> {
                        claim(Setting.TIME, word);
                        String value = value(word, "nudges.invalid.missing-time");
                        time = parseTime(value).orElseThrow(() -> new Rejected("nudges.invalid.bad-time", value));
                    }
                    case ZONE -> {
                        claim(Setting.ZONE, word);
                        String value = value(word, "nudges.invalid.missing-zone");
                        zone = parseZone(value).orElseThrow(() -> new Rejected("nudges.invalid.bad-zone", value));
                    }
                    case LANGUAGE -> {
                        claim(Setting.LANGUAGE, word);
                        String value = value(word, "nudges.invalid.missing-language");
                        String key = fold(value);
                        language = Optional.ofNullable(LANGUAGE_NAMES.get(key))
                                .or(() -> Language.fromTag(key))
                                .orElseThrow(() -> new Rejected("nudges.invalid.bad-language", value));
                    }
                    case CONTENT -> {
                        claim(Setting.CONTENT, word);
                        content = content(word);
                    }
                    case HELP -> throw new Rejected("nudges.invalid.help");
                }
            }
            if (onWord != null && frequency == Frequency.OFF) {
                throw new Rejected("nudges.invalid.conflict", onWord, frequencyWord);
            }
            return apply();
        }

        private NudgeSettings apply() {
            NudgeSettings result = current;
            if (frequency != null) {
                result = result.withFrequency(frequency);
            } else if (onWord != null && !current.enabled()) {
                result = result.withFrequency(Frequency.WEEKLY);
            }
            if (weekday != null) {
                result = result.withWeekday(weekday);
            }
            if (dayOfMonth != null) {
                result = result.withDayOfMonth(dayOfMonth);
            }
            if (time != null) {
                result = result.withTime(time);
            }
            if (zone != null) {
                result = result.withZone(zone);
            }
            if (language != null) {
                result = result.withLanguage(language);
            }
            if (content != null) {
                result = result.withContent(content);
            }
            return result;
        }

        private void claim(Setting setting, String word) {
            if (!set.add(setting)) {
                throw new Rejected("nudges.invalid.repeated", word);
            }
        }

        private void frequency(Frequency chosen, String word) {
            claim(Setting.FREQUENCY, word);
            frequency = chosen;
            frequencyWord = word;
        }

        /** The word after a keyword, which must be there. */
        private String value(String keyword, String missingKey) {
            if (next >= raw.length) {
                throw new Rejected(missingKey, keyword);
            }
            return raw[next++];
        }

        private DayOfWeek weekday(String keyword) {
            String value = value(keyword, "nudges.invalid.missing-weekday");
            DayOfWeek day = WEEKDAYS.get(fold(value));
            if (day == null) {
                throw new Rejected("nudges.invalid.bad-weekday", value);
            }
            return day;
        }

        private int dayOfMonth(String keyword) {
            String value = value(keyword, "nudges.invalid.missing-day");
            Matcher matcher = DAY_OF_MONTH.matcher(fold(value));
            if (!matcher.matches()) {
                throw new Rejected("nudges.invalid.bad-day", value);
            }
            int day = Integer.parseInt(matcher.group(1));
            if (day < 1 || day > 31) {
                throw new Rejected("nudges.invalid.day-out-of-range", value);
            }
            return day;
        }

        /** A time right after a frequency; a word starting with a digit there must be a valid time. */
        private void optionalTime() {
            if (next < raw.length && Character.isDigit(folded[next].charAt(0))) {
                String value = raw[next++];
                claim(Setting.TIME, value);
                time = parseTime(value).orElseThrow(() -> new Rejected("nudges.invalid.bad-time", value));
            }
        }

        private NudgeContent content(String keyword) {
            String value = value(keyword, "nudges.invalid.missing-content");
            String key = fold(value);
            if (key.equals("les") && next < raw.length && folded[next].equals("deux")) {
                next++;
                return NudgeContent.ALTERNATE;
            }
            NudgeContent chosen = CONTENTS.get(key);
            if (chosen == null) {
                throw new Rejected("nudges.invalid.bad-content", value);
            }
            return chosen;
        }

        /** A stray time, weekday or zone gets a more helpful message than "unknown word". */
        private static String unknownWordKey(String word) {
            String key = fold(word);
            if (WEEKDAYS.containsKey(key)) {
                return "nudges.invalid.stray-weekday";
            }
            if (Character.isDigit(key.charAt(0))) {
                return "nudges.invalid.stray-number";
            }
            if (parseZone(word).isPresent()) {
                return "nudges.invalid.stray-zone";
            }
            return "nudges.invalid.unknown-word";
        }
    }
}
