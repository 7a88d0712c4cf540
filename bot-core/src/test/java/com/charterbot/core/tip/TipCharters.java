package com.charterbot.core.tip;

import static org.assertj.core.api.Assertions.fail;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Section;
import com.charterbot.core.values.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Charters for tip tests: the bundled one, and tiny hand-made ones. */
final class TipCharters {

    static final Charter BUNDLED = bundled(CharterSettings.DEFAULTS);

    private TipCharters() {}

    static Charter bundled(CharterSettings settings) {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), settings);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        return fail("the bundled charter should load: %s", result);
    }

    /** A charter whose sections each have {@code tipsPerSection} tips, in English and French. */
    static Charter small(String version, int tipsPerSection, String... ids) {
        Map<Language, Map<String, Section>> sections = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            Map<String, Section> byId = new LinkedHashMap<>();
            for (String id : ids) {
                List<String> tips = IntStream.range(0, tipsPerSection)
                        .mapToObj(i -> language == Language.EN
                                ? "Tip " + i + " about " + id + "."
                                : "Astuce " + i + " sur " + id + ".")
                        .toList();
                String title = language == Language.EN ? "Title of " + id : "Titre de " + id;
                byId.put(
                        id,
                        new Section(
                                id,
                                Section.Kind.SECTION,
                                language,
                                title,
                                "Rule.",
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                tips,
                                List.of(),
                                language.tag() + "/" + id + ".md"));
            }
            sections.put(language, byId);
        }
        return new Charter(version, CharterSettings.DEFAULTS, sections);
    }
}
