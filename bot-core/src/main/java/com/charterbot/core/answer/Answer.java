package com.charterbot.core.answer;

import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bot's reply to a question, ready to be rendered by any platform.
 *
 * <ul>
 *   <li>{@link Tier#ANSWER}: {@code citation} is the section; {@code text} its rule; the checklist,
 *       do and don't lists come from it; {@code alsoApplies} are other sections the question touches
 *       too, each with its key point; {@code suggestions} are other close sections.
 *   <li>{@link Tier#SUGGEST}: no citation; {@code text} invites the user to pick one of up to three
 *       {@code suggestions}.
 *   <li>{@link Tier#FALLBACK}: no citation; {@code text} says the charter does not cover it and whom
 *       to ask ({@code notCovered} names the matching off-topic entry, if one matched);
 *       {@code suggestions} are the closest sections, possibly none.
 * </ul>
 *
 * @param confidence the calibrated probability that the best section is the right one, in [0, 1]
 * @param citation null unless the tier is ANSWER
 * @param notCovered null unless a not-covered entry matched
 */
public record Answer(
        Tier tier,
        Language replyLanguage,
        double confidence,
        Citation citation,
        String text,
        List<String> checklist,
        List<String> dos,
        List<String> donts,
        List<AlsoApplies> alsoApplies,
        List<Citation> suggestions,
        Citation notCovered,
        InputIssue issue,
        String charterVersion) {

    public Answer {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(replyLanguage, "replyLanguage");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        if ((tier == Tier.ANSWER) != (citation != null)) {
            throw new IllegalArgumentException("an answer, and only an answer, cites a section");
        }
        Objects.requireNonNull(text, "text");
        checklist = List.copyOf(checklist);
        dos = List.copyOf(dos);
        donts = List.copyOf(donts);
        alsoApplies = List.copyOf(alsoApplies);
        if (tier != Tier.ANSWER && !alsoApplies.isEmpty()) {
            throw new IllegalArgumentException("only an answer has sections that also apply");
        }
        suggestions = List.copyOf(suggestions);
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(charterVersion, "charterVersion");
    }

    /** The sections shown to the user, best first: the cited one, those that also apply, then the suggestions. */
    public List<String> shownSectionIds() {
        List<String> ids = new ArrayList<>();
        if (citation != null) {
            ids.add(citation.sectionId());
        }
        alsoApplies.forEach(a -> ids.add(a.citation().sectionId()));
        suggestions.forEach(s -> ids.add(s.sectionId()));
        return ids;
    }
}
