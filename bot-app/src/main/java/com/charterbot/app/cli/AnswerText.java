package com.charterbot.app.cli;

import com.charterbot.core.answer.AlsoApplies;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.Citation;
import com.charterbot.core.answer.InputIssue;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Locale;

/** Renders an answer as plain text for a terminal. */
final class AnswerText {

    private AnswerText() {}

    static String render(Answer answer) {
        Language language = answer.replyLanguage();
        StringBuilder text = new StringBuilder();
        if (answer.tier() == Tier.ANSWER) {
            text.append(answer.citation().title()).append("\n\n");
        }
        text.append(answer.text()).append('\n');
        list(text, language, Messages.get(language, "label.checklist"), answer.checklist());
        list(text, language, Messages.get(language, "label.do"), answer.dos());
        list(text, language, Messages.get(language, "label.dont"), answer.donts());
        if (answer.tier() == Tier.ANSWER) {
            Citation citation = answer.citation();
            text.append('\n')
                    .append(Messages.labelled(language, Messages.get(language, "label.source")))
                    .append(' ')
                    .append(citation.title())
                    .append(" [")
                    .append(citation.sectionId())
                    .append(']');
            if (citation.link() != null) {
                text.append(' ').append(citation.link());
            }
            text.append(String.format(
                    Locale.ROOT, " (%s %.2f)%n", Messages.get(language, "label.confidence"), answer.confidence()));
        }
        if (!answer.alsoApplies().isEmpty()) {
            text.append('\n')
                    .append(Messages.get(language, "label.also-applies"))
                    .append(":\n");
            for (AlsoApplies also : answer.alsoApplies()) {
                text.append("  - ")
                        .append(also.citation().title())
                        .append(" [")
                        .append(also.citation().sectionId())
                        .append("]: ")
                        .append(also.keyPoint())
                        .append('\n');
            }
        }
        if (!answer.suggestions().isEmpty() && answer.issue() == InputIssue.NONE) {
            String label = switch (answer.tier()) {
                case ANSWER -> "label.see-also";
                case SUGGEST -> "label.did-you-mean";
                case FALLBACK -> "label.closest";
            };
            text.append('\n')
                    .append(Messages.labelled(language, Messages.get(language, label)))
                    .append('\n');
            for (Citation suggestion : answer.suggestions()) {
                text.append("  - ")
                        .append(suggestion.title())
                        .append(" [")
                        .append(suggestion.sectionId())
                        .append("]\n");
            }
        }
        return text.toString();
    }

    private static void list(StringBuilder text, Language language, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        text.append('\n').append(Messages.labelled(language, label)).append('\n');
        items.forEach(item -> text.append("  - ").append(item).append('\n'));
    }
}
