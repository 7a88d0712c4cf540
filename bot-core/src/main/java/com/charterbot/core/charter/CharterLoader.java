package com.charterbot.core.charter;

import com.charterbot.core.values.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns charter files into a {@link Charter}, checking each file and the charter as a whole, and
 * reporting every problem rather than stopping at the first.
 */
public final class CharterLoader {

    /** The most checks that always apply, across the charter. */
    static final int MAX_ALWAYS = 3;

    private CharterLoader() {}

    public static LoadResult load(CharterFiles files, CharterSettings settings) {
        List<CharterProblem> problems = new ArrayList<>(files.problems());
        Map<Language, Map<String, SectionFileParser.Parsed>> byLanguage = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            byLanguage.put(language, new LinkedHashMap<>());
        }
        for (CharterFile file : files.files()) {
            SectionFileParser.Parsed parsed = SectionFileParser.parse(file, settings);
            problems.addAll(parsed.problems());
            Section section = parsed.section();
            if (section == null) {
                continue;
            }
            Map<String, SectionFileParser.Parsed> sections = byLanguage.get(file.language());
            SectionFileParser.Parsed earlier = sections.get(section.id());
            if (earlier != null) {
                problems.add(new CharterProblem(
                        file.name(),
                        parsed.idLine(),
                        "charter.problem.duplicate-id",
                        List.of(section.id(), earlier.section().source(), Integer.toString(earlier.idLine()))));
            } else {
                sections.put(section.id(), parsed);
            }
        }
        for (Language language : Language.values()) {
            if (byLanguage.get(language).isEmpty()
                    && problems.stream().noneMatch(p -> p.file().startsWith(language.tag() + "/"))) {
                problems.add(new CharterProblem(language.tag() + "/", 0, "charter.problem.no-sections", List.of()));
            }
        }
        Vocabulary vocabulary = Vocabulary.defaults();
        if (files.vocabulary() != null) {
            VocabularyParser.Parsed parsed = VocabularyParser.parse(Vocabulary.FILE_NAME, files.vocabulary());
            problems.addAll(parsed.problems());
            vocabulary = vocabulary.plus(parsed.vocabulary());
        }
        Calibration calibration = Calibration.defaults();
        if (files.calibration() != null) {
            Calibration.Parsed parsed = Calibration.parse(Calibration.FILE_NAME, files.calibration());
            problems.addAll(parsed.problems());
            calibration = parsed.calibration();
        }
        checkAcrossLanguages(byLanguage, problems);
        checkRelated(byLanguage, problems);
        checkSignals(byLanguage, problems);
        WatchList watchList = WatchList.EMPTY;
        if (files.watchList().isPresent()) {
            WatchList.Parsed parsed =
                    WatchList.parse(WatchList.FILE, files.watchList().get());
            problems.addAll(parsed.problems());
            watchList = parsed.watchList();
        }
        Set<String> sectionIds = Set.copyOf(byLanguage.get(Language.EN).keySet());
        ExamplePosts own = ExamplePosts.EMPTY;
        if (files.examplePosts().isPresent()) {
            ExamplePosts.Parsed parsed =
                    ExamplePosts.parse(ExamplePosts.FILE, files.examplePosts().get(), sectionIds::contains);
            problems.addAll(parsed.problems());
            own = parsed.examples().naming(settings);
        }
        ExamplePosts charterOwn = own;
        // Only the draft checker reads them: the default ones are put together then, not at every load.
        ExamplePosts examplePosts = ExamplePosts.whenRead(
                () -> ExamplePosts.defaults(settings).citing(sectionIds).plus(charterOwn));
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            return new LoadResult.Rejected(problems);
        }
        Map<Language, Map<String, Section>> sections = new EnumMap<>(Language.class);
        byLanguage.forEach((language, parsed) -> {
            Map<String, Section> ordered = new LinkedHashMap<>();
            parsed.values().stream()
                    .map(SectionFileParser.Parsed::section)
                    .sorted(Comparator.comparing(Section::isNotCovered))
                    .forEach(section -> ordered.put(section.id(), section));
            sections.put(language, ordered);
        });
        return new LoadResult.Loaded(new Charter(
                version(files, settings), settings, sections, vocabulary, calibration, watchList, examplePosts));
    }

    private static void checkAcrossLanguages(
            Map<Language, Map<String, SectionFileParser.Parsed>> byLanguage, List<CharterProblem> problems) {
        for (Language language : Language.values()) {
            for (SectionFileParser.Parsed parsed : byLanguage.get(language).values()) {
                Section section = parsed.section();
                for (Language other : Language.values()) {
                    if (other == language) {
                        continue;
                    }
                    SectionFileParser.Parsed counterpart = byLanguage.get(other).get(section.id());
                    if (counterpart == null) {
                        if (!byLanguage.get(other).isEmpty()) {
                            problems.add(new CharterProblem(
                                    section.source(),
                                    parsed.idLine(),
                                    "charter.problem.missing-translation",
                                    List.of(section.id(), other.tag())));
                        }
                    } else if (language.ordinal() < other.ordinal()
                            && counterpart.section().kind() != section.kind()) {
                        problems.add(new CharterProblem(
                                section.source(),
                                parsed.idLine(),
                                section.isNotCovered()
                                        ? "charter.problem.not-covered-here-section-there"
                                        : "charter.problem.section-here-not-covered-there",
                                List.of(section.id(), counterpart.section().source())));
                    }
                }
            }
        }
    }

    private static void checkRelated(
            Map<Language, Map<String, SectionFileParser.Parsed>> byLanguage, List<CharterProblem> problems) {
        for (Map<String, SectionFileParser.Parsed> sections : byLanguage.values()) {
            Map<String, Section.Kind> kinds = new HashMap<>();
            sections.forEach((id, parsed) -> kinds.put(id, parsed.section().kind()));
            for (SectionFileParser.Parsed parsed : sections.values()) {
                Section section = parsed.section();
                for (String ref : section.related()) {
                    if (ref.equals(section.id())) {
                        problems.add(new CharterProblem(
                                section.source(),
                                parsed.relatedLine(),
                                "charter.problem.related-to-itself",
                                List.of()));
                    } else if (!kinds.containsKey(ref)) {
                        problems.add(new CharterProblem(
                                section.source(),
                                parsed.relatedLine(),
                                "charter.problem.related-missing",
                                List.of(ref)));
                    } else if (kinds.get(ref) == Section.Kind.NOT_COVERED) {
                        problems.add(new CharterProblem(
                                section.source(),
                                parsed.relatedLine(),
                                "charter.problem.related-not-covered",
                                List.of(ref)));
                    }
                }
            }
        }
    }

    /**
     * A section with signals in one language says what to change in every language, and the checks
     * that always apply (a signals block's {@code always:} line) are the same sections in every
     * language, at most {@value #MAX_ALWAYS} of them, since a reply shows them all.
     */
    private static void checkSignals(
            Map<Language, Map<String, SectionFileParser.Parsed>> byLanguage, List<CharterProblem> problems) {
        for (Language language : Language.values()) {
            List<SectionFileParser.Parsed> always = byLanguage.get(language).values().stream()
                    .filter(parsed -> parsed.section().signals().always().isPresent())
                    .toList();
            if (always.size() > MAX_ALWAYS) {
                SectionFileParser.Parsed extra = always.get(MAX_ALWAYS);
                problems.add(new CharterProblem(
                        extra.section().source(),
                        extra.signalsLine(),
                        "charter.problem.too-many-always",
                        List.of(Integer.toString(MAX_ALWAYS))));
            }
            for (SectionFileParser.Parsed parsed : byLanguage.get(language).values()) {
                if (parsed.section().signals().signals().isEmpty()) {
                    continue;
                }
                for (Language other : Language.values()) {
                    SectionFileParser.Parsed counterpart =
                            byLanguage.get(other).get(parsed.section().id());
                    if (other != language
                            && counterpart != null
                            && counterpart.section().signals().advice().isBlank()) {
                        problems.add(new CharterProblem(
                                counterpart.section().source(),
                                counterpart.signalsLine(),
                                "charter.problem.signals-missing-translation",
                                List.of(parsed.section().source())));
                    }
                }
            }
            for (SectionFileParser.Parsed parsed : always) {
                for (Language other : Language.values()) {
                    SectionFileParser.Parsed counterpart =
                            byLanguage.get(other).get(parsed.section().id());
                    if (other != language
                            && counterpart != null
                            && counterpart.section().signals().always().isEmpty()) {
                        problems.add(new CharterProblem(
                                counterpart.section().source(),
                                counterpart.signalsLine(),
                                "charter.problem.always-missing-translation",
                                List.of(parsed.section().source())));
                    }
                }
            }
        }
    }

    private static String version(CharterFiles files, CharterSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.files().stream()
                    .sorted(Comparator.comparing(CharterFile::name))
                    .forEach(file -> {
                        digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    });
            if (files.vocabulary() != null) {
                digest.update(
                        (Vocabulary.FILE_NAME + "\0" + files.vocabulary() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            if (files.calibration() != null) {
                digest.update(
                        (Calibration.FILE_NAME + "\0" + files.calibration() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            settings.placeholders()
                    .forEach(
                            (key, value) -> digest.update((key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8)));
            files.watchList().ifPresent(text -> {
                digest.update(WatchList.FILE.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            });
            files.examplePosts().ifPresent(text -> {
                digest.update(ExamplePosts.FILE.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
