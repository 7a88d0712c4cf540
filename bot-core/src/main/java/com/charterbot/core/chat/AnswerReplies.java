package com.charterbot.core.chat;

import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.Citation;
import com.charterbot.core.answer.InputIssue;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lays an {@link Answer} or a charter section out as a platform-neutral {@link Reply}. */
final class AnswerReplies {

    /** Separates the tier from the section id in a feedback button's value. */
    static final String FEEDBACK_SEPARATOR = "|";

    private AnswerReplies() {}

    static Reply answer(Answer answer, Reply.Delivery delivery) {
        return answer(answer, delivery, Optional.empty());
    }

    /**
     * @param question the question, carried by the "not helpful" button so that the person can then send it to the
     *     communications team; empty when they cannot
     */
    static Reply answer(Answer answer, Reply.Delivery delivery, Optional<String> question) {
        Language language = answer.replyLanguage();
        List<Block> blocks = new ArrayList<>();
        if (answer.tier() == Tier.ANSWER) {
            blocks.add(new Block.Heading(answer.citation().title()));
        }
        blocks.add(new Block.Text(answer.text()));
        addList(blocks, Messages.get(language, "label.checklist"), answer.checklist());
        addList(blocks, Messages.get(language, "label.do"), answer.dos());
        addList(blocks, Messages.get(language, "label.dont"), answer.donts());
        if (answer.tier() == Tier.ANSWER) {
            Citation citation = answer.citation();
            blocks.add(new Block.CitedSection(
                    Messages.get(language, "label.source"), citation.sectionId(), citation.title(), citation.link()));
        }
        if (!answer.alsoApplies().isEmpty()) {
            blocks.add(new Block.AlsoApplies(
                    Messages.get(language, "label.also-applies"),
                    answer.alsoApplies().stream()
                            .map(a -> new Block.AlsoApplies.Point(
                                    a.citation().title(),
                                    a.keyPoint(),
                                    Button.of(
                                            ActionIds.OPEN_SECTION,
                                            a.citation().sectionId(),
                                            Messages.get(language, "label.open-section"))))
                            .toList()));
        }
        if (!answer.suggestions().isEmpty() && answer.issue() == InputIssue.NONE) {
            String label = switch (answer.tier()) {
                case ANSWER -> "label.see-also";
                case SUGGEST -> "label.did-you-mean";
                case FALLBACK -> "label.closest";
            };
            // A "did you mean" or closest section carries the question: the section chosen for it is a suggested
            // phrasing.
            String asked = answer.tier() != Tier.ANSWER
                    ? question.map(q -> FEEDBACK_SEPARATOR + cut(q)).orElse("")
                    : "";
            blocks.add(new Block.Suggestions(
                    Messages.get(language, label),
                    answer.suggestions().stream()
                            .map(s -> Button.of(ActionIds.OPEN_SECTION, s.sectionId() + asked, s.title()))
                            .toList()));
        }
        if (answer.issue() == InputIssue.NONE && answer.tier() != Tier.SUGGEST) {
            String sectionId = answer.citation() != null
                    ? answer.citation().sectionId()
                    : answer.suggestions().isEmpty()
                            ? ""
                            : answer.suggestions().get(0).sectionId();
            String value = answer.tier().name() + FEEDBACK_SEPARATOR + sectionId;
            String withQuestion =
                    question.map(text -> value + FEEDBACK_SEPARATOR + cut(text)).orElse(value);
            blocks.add(new Block.Buttons(List.of(
                    Button.of(ActionIds.FEEDBACK_HELPFUL, value, Messages.get(language, "commands.feedback.helpful")),
                    Button.of(
                            ActionIds.FEEDBACK_NOT_HELPFUL,
                            withQuestion,
                            Messages.get(language, "commands.feedback.not-helpful")))));
        }
        return Reply.of(language, delivery, blocks);
    }

    private static String cut(String text) {
        return text.length() <= ExpertQuestion.MAX_TEXT ? text : text.substring(0, ExpertQuestion.MAX_TEXT);
    }

    /** A whole section, as shown when someone opens it from a suggestion. */
    static Reply section(Charter charter, Section section, Reply.Delivery delivery) {
        Language language = section.language();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(section.title()));
        blocks.add(new Block.Text(section.rule()));
        addList(blocks, Messages.get(language, "label.checklist"), section.checklist());
        addList(blocks, Messages.get(language, "label.do"), section.dos());
        addList(blocks, Messages.get(language, "label.dont"), section.donts());
        Optional<String> link = charter.settings().linkTo(section.id());
        blocks.add(new Block.CitedSection(
                Messages.get(language, "commands.section.label"), section.id(), section.title(), link.orElse(null)));
        return Reply.of(language, delivery, blocks);
    }

    /** A reply made of one sentence. */
    static Reply text(Language language, Reply.Delivery delivery, String text) {
        return Reply.of(language, delivery, List.of(new Block.Text(text)));
    }

    private static void addList(List<Block> blocks, String label, List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Block.Checklist(label, items));
        }
    }
}
