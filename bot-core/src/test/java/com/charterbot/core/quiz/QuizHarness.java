package com.charterbot.core.quiz;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.memory.InMemoryChannelQuizStore;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.memory.InMemoryQuizSessionStore;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.testing.MovableClock;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/** A quiz service on in-memory stores, with helpers to read and click its replies. */
final class QuizHarness {

    final AtomicReference<Charter> charter;
    final InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
    final InMemoryQuizSessionStore sessions = new InMemoryQuizSessionStore();
    final InMemoryChannelQuizStore channelQuizzes = new InMemoryChannelQuizStore();
    final InMemoryActivityLog activity = new InMemoryActivityLog();
    final MovableClock clock = new MovableClock(QuizFixtures.T0);
    final QuizService service;

    QuizHarness(Charter charter) {
        this(charter, QuizSettings.DEFAULTS, 42);
    }

    QuizHarness(Charter charter, QuizSettings settings, long seed) {
        this.charter = new AtomicReference<>(charter);
        this.service = new QuizService(
                this.charter::get,
                progress,
                sessions,
                channelQuizzes,
                activity,
                settings,
                clock,
                new SplittableRandom(seed));
    }

    QuizBank bank() {
        return QuizBank.of(charter.get());
    }

    static <T extends Block> List<T> blocks(Reply reply, Class<T> type) {
        return reply.blocks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends Block> T block(Reply reply, Class<T> type) {
        List<T> found = blocks(reply, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in " + reply);
        }
        return found.get(0);
    }

    /** Every button of a reply, across its button rows. */
    static List<Button> buttons(Reply reply) {
        return blocks(reply, Block.Buttons.class).stream()
                .flatMap(row -> row.buttons().stream())
                .toList();
    }

    static List<Button> buttons(Reply reply, String actionId) {
        return buttons(reply).stream()
                .filter(button -> button.actionId().equals(actionId))
                .toList();
    }

    /** The value of the button for this option of a personal or channel question. */
    static String optionValue(Reply question, int option) {
        List<Button> options = buttons(question).stream()
                .filter(b -> b.actionId().equals(ActionIds.QUIZ_ANSWER)
                        || b.actionId().equals(ActionIds.CHANNEL_QUIZ_ANSWER))
                .toList();
        return options.get(option).value();
    }

    /** The question id behind a personal question reply. */
    String questionId(Reply question) {
        String[] parts = optionValue(question, 0).split(":");
        return sessions.find(parts[0]).orElseThrow().questionIds().get(Integer.parseInt(parts[1]));
    }

    /** The question id behind a channel question reply. */
    String channelQuestionId(Reply question) {
        String id = optionValue(question, 0).split(":")[0];
        return channelQuizzes.find(id).orElseThrow().questionId();
    }

    int correctOption(String questionId) {
        return bank().question(questionId, Language.EN).orElseThrow().correctIndex();
    }

    int wrongOption(String questionId) {
        return (correctOption(questionId) + 1)
                % bank().question(questionId, Language.EN)
                        .orElseThrow()
                        .options()
                        .size();
    }

    /** The value that answers this personal or channel question right or wrong. */
    String answerValue(Reply question, boolean right) {
        boolean channel = buttons(question, ActionIds.CHANNEL_QUIZ_ANSWER).size() > 0;
        String questionId = channel ? channelQuestionId(question) : questionId(question);
        return optionValue(question, right ? correctOption(questionId) : wrongOption(questionId));
    }

    static String sessionId(Reply question) {
        return optionValue(question, 0).split(":")[0];
    }
}
