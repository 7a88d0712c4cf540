package com.charterbot.core.quiz;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.charter.Section;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Charters, people, channels and a clock that tests move by hand. */
final class QuizFixtures {

    static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U-ALICE");
    static final UserRef BOB = new UserRef(Platform.SLACK, "T1", "U-BOB");
    static final UserRef CAROL = new UserRef(Platform.TEAMS, "tenant", "carol");
    static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");
    static final ChannelRef RANDOM = new ChannelRef(Platform.SLACK, "T1", "C-RANDOM");
    static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");

    private static final Charter BUNDLED = load();

    private QuizFixtures() {}

    /** The charter that ships with the bot. */
    static Charter bundled() {
        return BUNDLED;
    }

    private static Charter load() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter does not load: " + result);
    }

    /**
     * A small charter: each section id with {@code questionsPerSection} questions whose right
     * option is {@code index % 3}, plus one not-covered entry without a quiz.
     */
    static Charter tiny(int questionsPerSection, String... sectionIds) {
        return tiny(CharterSettings.DEFAULTS, questionsPerSection, sectionIds);
    }

    static Charter tiny(CharterSettings settings, int questionsPerSection, String... sectionIds) {
        Map<Language, Map<String, Section>> sections = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, Section> byId = new LinkedHashMap<>();
            for (String id : sectionIds) {
                List<QuizQuestion> quiz = new ArrayList<>();
                for (int i = 0; i < questionsPerSection; i++) {
                    quiz.add(new QuizQuestion(
                            "[" + language.tag() + "] Question " + i + " about " + id + "?",
                            List.of(
                                    "[" + language.tag() + "] option A",
                                    "[" + language.tag() + "] option B",
                                    "[" + language.tag() + "] option C"),
                            i % 3,
                            "[" + language.tag() + "] Because of the " + id + " rule."));
                }
                byId.put(id, section(id, Section.Kind.SECTION, language, title(id, language), quiz));
            }
            byId.put("not-covered-it", section("not-covered-it", Section.Kind.NOT_COVERED, language, "IT", List.of()));
            sections.put(language, byId);
        }
        return new Charter("tiny-" + questionsPerSection + "-" + String.join(",", sectionIds), settings, sections);
    }

    static String title(String id, Language language) {
        return (language == Language.EN ? "Title of " : "Titre de ") + id;
    }

    private static Section section(
            String id, Section.Kind kind, Language language, String title, List<QuizQuestion> quiz) {
        return new Section(
                id,
                kind,
                language,
                title,
                "Rule of " + id,
                List.of(),
                List.of(),
                List.of(),
                List.of("what about " + id),
                List.of(),
                List.of(),
                quiz,
                language.tag() + "/" + id + ".md");
    }
}
