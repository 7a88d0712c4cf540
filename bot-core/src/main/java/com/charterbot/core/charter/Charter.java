package com.charterbot.core.charter;

import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated charter: the same sections in every {@link Language}, immutable.
 *
 * @param version a short content hash that changes whenever a file or a setting changes
 * @param vocabulary the default vocabulary plus the charter's own
 * @param calibration the charter's own calibration, or the default one
 * @param watchList the names the draft checker looks for whatever the language
 * @param examplePosts the labelled posts the draft checker learns from: the default ones citing
 *     this charter's sections, then the charter's own
 */
public record Charter(
        String version,
        CharterSettings settings,
        Map<Language, Map<String, Section>> sections,
        Vocabulary vocabulary,
        Calibration calibration,
        WatchList watchList,
        ExamplePosts examplePosts) {

    public Charter {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(watchList, "watchList");
        Objects.requireNonNull(examplePosts, "examplePosts");
        Map<Language, Map<String, Section>> copy = new EnumMap<>(Language.class);
        sections.forEach(
                (language, byId) -> copy.put(language, Collections.unmodifiableMap(new LinkedHashMap<>(byId))));
        for (Language language : Language.values()) {
            if (!copy.containsKey(language)) {
                throw new IllegalArgumentException("the charter has no " + language.tag() + " sections");
            }
        }
        sections = Collections.unmodifiableMap(copy);
    }

    /** A charter with the default example posts. */
    public Charter(
            String version,
            CharterSettings settings,
            Map<Language, Map<String, Section>> sections,
            Vocabulary vocabulary,
            Calibration calibration,
            WatchList watchList) {
        this(version, settings, sections, vocabulary, calibration, watchList, defaultExamples(settings, sections));
    }

    /** The default example posts that cite these sections, put together when first read. */
    private static ExamplePosts defaultExamples(
            CharterSettings settings, Map<Language, Map<String, Section>> sections) {
        Set<String> ids =
                Set.copyOf(sections.getOrDefault(Language.EN, Map.of()).keySet());
        return ExamplePosts.whenRead(() -> ExamplePosts.defaults(settings).citing(ids));
    }

    /** A charter with the default vocabulary and calibration, and no watch-list. */
    public Charter(String version, CharterSettings settings, Map<Language, Map<String, Section>> sections) {
        this(version, settings, sections, Vocabulary.defaults(), Calibration.defaults(), WatchList.EMPTY);
    }

    /** A charter with the default vocabulary and calibration. */
    public Charter(
            String version,
            CharterSettings settings,
            Map<Language, Map<String, Section>> sections,
            WatchList watchList) {
        this(version, settings, sections, Vocabulary.defaults(), Calibration.defaults(), watchList);
    }

    /** A charter without a watch-list. */
    public Charter(
            String version,
            CharterSettings settings,
            Map<Language, Map<String, Section>> sections,
            Vocabulary vocabulary,
            Calibration calibration) {
        this(version, settings, sections, vocabulary, calibration, WatchList.EMPTY);
    }

    /** This charter answering with another calibration, e.g. one being fitted. */
    public Charter withCalibration(Calibration other) {
        return new Charter(version, settings, sections, vocabulary, other, watchList, examplePosts);
    }

    /** This charter with other example posts for the draft checker, e.g. some left out to measure it. */
    public Charter withExamplePosts(ExamplePosts other) {
        return new Charter(
                version + "-x" + other.posts().size(), settings, sections, vocabulary, calibration, watchList, other);
    }

    /** The section with this id in this language. */
    public Optional<Section> section(String id, Language language) {
        return Optional.ofNullable(sections.get(language).get(id));
    }

    /** Every section and not-covered entry of one language, in file order. */
    public List<Section> sections(Language language) {
        return List.copyOf(sections.get(language).values());
    }

    /** The ids of the real sections (not the not-covered entries), in file order. */
    public List<String> topicIds() {
        List<String> ids = new ArrayList<>();
        for (Section section : sections.get(Language.EN).values()) {
            if (!section.isNotCovered()) {
                ids.add(section.id());
            }
        }
        return ids;
    }

    /**
     * This charter with only the first {@code max} phrasings of every section and not-covered
     * entry, to measure how the bot answers from a charter that starts with few of them. The
     * version says so, since the content differs.
     */
    public Charter withFirstPhrasings(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("keep at least one phrasing, not " + max);
        }
        Map<Language, Map<String, Section>> cut = new EnumMap<>(Language.class);
        sections.forEach((language, byId) -> {
            Map<String, Section> copy = new LinkedHashMap<>();
            byId.forEach((id, s) -> copy.put(
                    id,
                    s.withQuestions(
                            s.questions().subList(0, Math.min(max, s.questions().size())))));
            cut.put(language, copy);
        });
        return new Charter(version + "-q" + max, settings, cut, vocabulary, calibration, watchList, examplePosts);
    }

    /**
     * This charter with more phrasings (an overlay approved in chat), by language and section id;
     * phrasings a section already has (its files may hold them since an export) are not added twice,
     * nor those of unknown sections. The version says an overlay is applied, with a digest of it.
     */
    public Charter withPhrasings(Map<Language, Map<String, List<String>>> extra) {
        Map<Language, Map<String, Section>> added = new EnumMap<>(Language.class);
        java.util.List<String> applied = new java.util.ArrayList<>();
        sections.forEach((language, byId) -> {
            Map<String, Section> copy = new LinkedHashMap<>();
            Map<String, List<String>> more = extra.getOrDefault(language, Map.of());
            byId.forEach((id, s) -> {
                java.util.Set<String> known = new java.util.HashSet<>();
                s.questions().forEach(q -> known.add(q.strip().toLowerCase(java.util.Locale.ROOT)));
                java.util.List<String> questions = new java.util.ArrayList<>(s.questions());
                for (String phrasing : more.getOrDefault(id, List.of())) {
                    if (known.add(phrasing.strip().toLowerCase(java.util.Locale.ROOT))) {
                        questions.add(phrasing.strip());
                        applied.add(language.tag() + ":" + id + ":" + phrasing.strip());
                    }
                }
                copy.put(id, questions.size() == s.questions().size() ? s : s.withQuestions(questions));
            });
            added.put(language, copy);
        });
        if (applied.isEmpty()) {
            return this;
        }
        String digest = Integer.toHexString(String.join("\n", applied).hashCode());
        return new Charter(
                version + "+p" + applied.size() + "-" + digest,
                settings,
                added,
                vocabulary,
                calibration,
                watchList,
                examplePosts);
    }
}
