package com.charterbot.core.chat;

import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Optional;

/**
 * What to check before posting a picture, shown when someone sends the bot a photo: the checklist
 * of the charter section that answers "can I post this photo?" (its do list when it has no
 * checklist). Found through the answer engine, so a company's own charter needs no setting: the
 * section whose phrasings match that question is the one shown.
 */
final class PhotoChecklist {

    private final AnswerEngine answers;

    PhotoChecklist(AnswerEngine answers) {
        this.answers = answers;
    }

    /**
     * The checklist reply, unless the charter has no section that confidently answers the photo
     * question, or that section is {@code alreadyShown} (the person's own question was about it).
     */
    Optional<Reply> reply(Language language, Reply.Delivery delivery, Optional<String> alreadyShown) {
        Answer probe = answers.answer(
                new Question(Messages.get(language, "attachment.image.question"), Optional.of(language)));
        if (probe.tier() != Tier.ANSWER
                || alreadyShown.filter(probe.citation().sectionId()::equals).isPresent()) {
            return Optional.empty();
        }
        List<String> items = probe.checklist().isEmpty() ? probe.dos() : probe.checklist();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Reply.of(
                language,
                delivery,
                List.of(
                        new Block.Heading(Messages.get(language, "attachment.image.heading")),
                        new Block.Checklist(Messages.get(language, "attachment.image.label"), items),
                        new Block.CitedSection(
                                Messages.get(language, "label.source"),
                                probe.citation().sectionId(),
                                probe.citation().title(),
                                probe.citation().link()))));
    }
}
