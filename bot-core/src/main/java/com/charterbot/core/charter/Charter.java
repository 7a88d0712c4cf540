package com.charterbot.core.charter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated charter: the same sections in every {@link Language}, immutable.
 *
 * @param version a short content hash that changes whenever a file or a setting changes
 * @param watchList the names the draft checker looks for whatever the language
 */
public record Charter(String version, CharterSettings settings, Map<Language, Map<String, Section>> sections, WatchList watchList) {

    /** A charter without a watch-list. */
    public Charter(String version, CharterSettings settings, Map<Language, Map<String, Section>> sections) {
        this(version, settings, sections, WatchList.EMPTY);
    }

    public Charter {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(settings, "settings");
        Map<Language, Map<String, Section>> copy = new EnumMap<>(Language.class);
        sections.forEach((language, byId) -> copy.put(language, Collections.unmodifiableMap(new LinkedHashMap<>(byId))));
        for (Language language : Language.values()) {
            if (!copy.containsKey(language)) {
                throw new IllegalArgumentException("the charter has no " + language.tag() + " sections");
            }
        }
        sections = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(watchList, "watchList");
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
}
