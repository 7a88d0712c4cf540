package com.charterbot.core.check;

import com.charterbot.core.charter.Signal;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the charter says about a draft: the findings, most serious first, and the checks that
 * always apply. It holds no more of the draft than the words each finding quotes.
 *
 * @param language the language of the report's sections and advice
 * @param findings at most one per charter section, ordered by level then by the charter's order
 * @param always the checks that apply to every draft, in the report's language
 * @param wordless whether the draft has no words to read (blank, only emoji or symbols)
 * @param truncated whether only the beginning of a longer draft was checked
 */
public record DraftReport(
        Language language,
        List<Finding> findings,
        List<AlwaysCheck> always,
        boolean wordless,
        boolean truncated,
        String charterVersion) {

    public DraftReport {
        Objects.requireNonNull(language, "language");
        findings = List.copyOf(findings);
        always = List.copyOf(always);
        Objects.requireNonNull(charterVersion, "charterVersion");
    }

    /** The most serious finding's level; empty when nothing was found. */
    public Optional<Signal.Level> verdict() {
        return findings.stream().map(Finding::level).min(Enum::compareTo);
    }

    /** Whether something must be fixed or checked before posting (a stop or a caution). */
    public boolean needsChanges() {
        return verdict().filter(level -> level != Signal.Level.TIP).isPresent();
    }
}
