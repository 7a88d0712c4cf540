package com.charterbot.core.quiz;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.QuizQuestion;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.people.PersonalData;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal micro-quizzes with spaced repetition, and micro-quizzes posted in channels.
 *
 * <p>The charter is read afresh for each call, so a reloaded charter takes effect at once:
 * questions it no longer has are skipped, and a quiz whose next question vanished ends with its
 * summary. Replies are in the language given to each call.
 */
public final class QuizService implements RunQuiz, RunChannelQuiz, PersonalData {

    /** How far back a channel's quizzes and answers count when choosing its next question; older quizzes are deleted. */
    public static final Duration CHANNEL_HISTORY = Duration.ofDays(90);

    private static final String INDEX = "(0|[1-9][0-9]?)";
    private static final Pattern ANSWER = Pattern.compile("([0-9a-f]{16,64}):" + INDEX + ":" + INDEX);
    private static final Pattern CHANNEL_ANSWER = Pattern.compile("([0-9a-f]{16,64}):" + INDEX);

    private final Supplier<Charter> charter;
    private final QuizProgressStore progress;
    private final QuizSessionStore sessions;
    private final ChannelQuizStore channelQuizzes;
    private final ActivityLog activity;
    private final QuizSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final Object randomLock = new Object();
    private final QuizSelector selector = new QuizSelector();
    private final LeitnerSchedule schedule = LeitnerSchedule.DEFAULT;
    private final AtomicReference<QuizBank> bank = new AtomicReference<>();

    /**
     * @param charter the charter in use, asked for on every call
     * @param random draws the questions and the quiz ids; used under a lock, so any generator will do
     */
    public QuizService(
            Supplier<Charter> charter,
            QuizProgressStore progress,
            QuizSessionStore sessions,
            ChannelQuizStore channelQuizzes,
            ActivityLog activity,
            QuizSettings settings,
            Clock clock,
            RandomGenerator random) {
        this.charter = Objects.requireNonNull(charter, "charter");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.channelQuizzes = Objects.requireNonNull(channelQuizzes, "channelQuizzes");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    // ----- personal quiz -----

    @Override
    public Reply start(UserRef user, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(language, "language");
        Instant now = clock.instant();
        sessions.purgeExpired(now);
        QuizBank bank = bank();
        Map<String, CardState> cards = progress.load(user);
        List<String> questionIds;
        String id;
        synchronized (randomLock) {
            questionIds = selector.select(bank, cards, settings.questionsPerQuiz(), now, random);
            id = newId(taken -> sessions.find(taken).isPresent());
        }
        if (questionIds.isEmpty()) {
            return message(language, Reply.Delivery.PRIVATE, Messages.get(language, "quiz.empty"));
        }
        QuizSession session = QuizSession.start(id, user, language, questionIds, now, now.plus(settings.sessionTtl()));
        sessions.save(session);
        return questionReply(bank, session, language).orElseThrow();
    }

    @Override
    public List<Reply> answer(UserRef user, String value, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(language, "language");
        Matcher matcher = value == null ? null : ANSWER.matcher(value);
        if (matcher == null || !matcher.matches()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.invalid")));
        }
        String id = matcher.group(1);
        int questionIndex = Integer.parseInt(matcher.group(2));
        int option = Integer.parseInt(matcher.group(3));
        Instant now = clock.instant();
        Optional<QuizSession> found = sessions.find(id);
        if (found.isPresent() && !sessions.belongsTo(found.get(), user)) {
            // A quiz another person started where others see it (a Teams channel): theirs to answer.
            return List.of(withQuizStart(language, Messages.get(language, "quiz.not-yours")));
        }
        if (found.isEmpty() || found.get().expiredAt(now)) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.expired")));
        }
        QuizSession session = found.get();
        if (questionIndex < session.currentIndex()) {
            return List.of();
        }
        if (questionIndex > session.currentIndex() || questionIndex >= session.size()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.invalid")));
        }
        QuizBank bank = bank();
        String questionId = session.questionIds().get(questionIndex);
        Optional<QuizQuestion> question = bank.question(questionId, language);
        Optional<Section> section = bank.section(questionId, language);
        if (question.isEmpty() || section.isEmpty()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.charter-changed")));
        }
        if (option >= question.get().options().size()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.invalid")));
        }
        boolean correct = option == question.get().correctIndex();
        Optional<QuizSession> advanced = sessions.advance(id, questionIndex, correct, now);
        if (advanced.isEmpty()) {
            return List.of();
        }
        CardState before = progress.load(user).get(questionId);
        progress.save(user, questionId, schedule.next(before, correct, now));
        activity.record(new QuizAnswered(now, section.get().id(), questionId, correct, null, user));

        List<Reply> replies = new ArrayList<>();
        List<Block> feedback = new ArrayList<>();
        feedback.add(
                new Block.Heading(Messages.get(language, "quiz.question.heading", questionIndex + 1, session.size())));
        feedback.add(new Block.Text(question.get().text()));
        feedback.addAll(verdict(bank, section.get(), question.get(), option, language));
        replies.add(reply(language, Reply.Delivery.REPLACE_ORIGINAL, feedback));

        QuizSession updated = advanced.get();
        if (updated.finished()) {
            replies.add(summary(bank, updated, false, language));
        } else {
            replies.add(questionReply(bank, updated, language).orElseGet(() -> summary(bank, updated, true, language)));
        }
        return replies;
    }

    @Override
    public Reply view(UserRef user, String sessionId, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(language, "language");
        Optional<QuizSession> found =
                sessionId == null || !QuizSession.ID.matcher(sessionId).matches()
                        ? Optional.empty()
                        : sessions.find(sessionId);
        if (found.isPresent() && !sessions.belongsTo(found.get(), user)) {
            return replacing(withQuizStart(language, Messages.get(language, "quiz.not-yours")));
        }
        if (found.isEmpty() || found.get().expiredAt(clock.instant())) {
            return replacing(withQuizStart(language, Messages.get(language, "quiz.expired")));
        }
        QuizSession session = found.get();
        QuizBank bank = bank();
        if (session.finished()) {
            return replacing(summary(bank, session, false, language));
        }
        return replacing(
                questionReply(bank, session, language).orElseGet(() -> summary(bank, session, true, language)));
    }

    /** Deletes this person's quiz progress, quizzes in progress and channel quiz answers. */
    @Override
    public void forget(UserRef user) {
        Objects.requireNonNull(user, "user");
        progress.forget(user);
        sessions.forget(user);
        channelQuizzes.forget(user);
    }

    private Optional<Reply> questionReply(QuizBank bank, QuizSession session, Language language) {
        int index = session.currentIndex();
        String questionId = session.questionIds().get(index);
        Optional<QuizQuestion> question = bank.question(questionId, language);
        Optional<Section> section = bank.section(questionId, language);
        if (question.isEmpty() || section.isEmpty()) {
            return Optional.empty();
        }
        List<Button> buttons = new ArrayList<>();
        List<String> options = question.get().options();
        for (int option = 0; option < options.size(); option++) {
            buttons.add(
                    Button.of(ActionIds.QUIZ_ANSWER, session.id() + ":" + index + ":" + option, options.get(option)));
        }
        return Optional.of(reply(
                        language,
                        Reply.Delivery.PRIVATE,
                        List.of(
                                new Block.Heading(
                                        Messages.get(language, "quiz.question.heading", index + 1, session.size())),
                                new Block.Text(question.get().text()),
                                new Block.Buttons(buttons),
                                new Block.Context(Messages.get(
                                        language,
                                        "quiz.question.topic",
                                        section.get().title()))))
                .withView(viewButton(ActionIds.QUIZ_VIEW, session.id(), language)));
    }

    private Reply summary(QuizBank bank, QuizSession session, boolean cutShort, Language language) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "quiz.summary.heading")));
        blocks.add(new Block.Text(
                Messages.get(language, "quiz.summary.score", session.correctCount(), session.currentIndex())));
        if (cutShort) {
            blocks.add(new Block.Text(Messages.get(language, "quiz.summary.cut-short")));
        }
        Button another = new Button(
                ActionIds.QUIZ_START, "", Messages.get(language, "quiz.button.another"), Button.Style.PRIMARY);
        Optional<Section> weakest = weakestSection(bank, session, language);
        if (weakest.isPresent()) {
            blocks.add(new Block.Text(
                    Messages.get(language, "quiz.summary.weakest", weakest.get().title())));
            blocks.add(new Block.Buttons(List.of(
                    Button.of(
                            ActionIds.OPEN_SECTION,
                            weakest.get().id(),
                            Messages.get(
                                    language,
                                    "quiz.button.open-section",
                                    weakest.get().title())),
                    another)));
        } else {
            if (session.correctCount() == session.currentIndex() && session.currentIndex() > 0) {
                blocks.add(new Block.Text(Messages.get(language, "quiz.summary.perfect")));
            }
            blocks.add(new Block.Buttons(List.of(another)));
        }
        return reply(language, Reply.Delivery.PRIVATE, blocks)
                .withView(viewButton(ActionIds.QUIZ_VIEW, session.id(), language));
    }

    /** The section with the most wrong answers in this quiz, the earliest on a tie; empty if none was wrong. */
    private static Optional<Section> weakestSection(QuizBank bank, QuizSession session, Language language) {
        Map<String, Integer> misses = new LinkedHashMap<>();
        for (int index = 0; index < session.results().size(); index++) {
            if (!session.results().get(index)) {
                bank.sectionId(session.questionIds().get(index))
                        .ifPresent(section -> misses.merge(section, 1, Integer::sum));
            }
        }
        String weakest = null;
        for (Map.Entry<String, Integer> entry : misses.entrySet()) {
            if (weakest == null || entry.getValue() > misses.get(weakest)) {
                weakest = entry.getKey();
            }
        }
        return weakest == null ? Optional.empty() : bank.charter().section(weakest, language);
    }

    // ----- channel quiz -----

    @Override
    public Optional<Reply> post(ChannelRef channel, Language language) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Instant now = clock.instant();
        Instant since = now.minus(CHANNEL_HISTORY);
        channelQuizzes.purgeOlderThan(since);
        QuizBank bank = bank();
        if (bank.size() == 0) {
            return Optional.empty();
        }
        Map<String, Instant> lastHad = new HashMap<>();
        for (ChannelQuiz quiz : channelQuizzes.posted(channel, since)) {
            lastHad.merge(quiz.questionId(), quiz.postedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, Integer> misses = new HashMap<>();
        for (QuizAnswered answered : activity.quizAnswers(channel, since)) {
            lastHad.merge(answered.questionId(), answered.at(), (a, b) -> a.isAfter(b) ? a : b);
            if (!answered.correct()) {
                misses.merge(answered.sectionId(), 1, Integer::sum);
            }
        }
        List<String> candidates = bank.ids();
        String id;
        synchronized (randomLock) {
            QuizSelector.shuffle(candidates, random);
            id = newId(taken -> channelQuizzes.find(taken).isPresent());
        }
        candidates.sort(Comparator.<String, Boolean>comparing(lastHad::containsKey)
                .thenComparing(questionId -> lastHad.getOrDefault(questionId, Instant.MIN))
                .thenComparing(questionId ->
                        -misses.getOrDefault(bank.sectionId(questionId).orElse(""), 0)));
        ChannelQuiz quiz = ChannelQuiz.posted(id, channel, candidates.get(0), language, now);
        channelQuizzes.save(quiz);
        return channelQuestionReply(bank, quiz, Reply.Delivery.CONVERSATION);
    }

    @Override
    public List<Reply> answer(UserRef user, ChannelRef channel, String value, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Matcher matcher = value == null ? null : CHANNEL_ANSWER.matcher(value);
        if (matcher == null || !matcher.matches()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.channel.invalid")));
        }
        String id = matcher.group(1);
        int option = Integer.parseInt(matcher.group(2));
        Optional<ChannelQuiz> found = channelQuizzes.find(id);
        if (found.isEmpty() || !found.get().channel().equals(channel)) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.channel.unknown")));
        }
        ChannelQuiz quiz = found.get();
        QuizBank bank = bank();
        Optional<QuizQuestion> question = bank.question(quiz.questionId(), language);
        Optional<Section> section = bank.section(quiz.questionId(), language);
        if (question.isEmpty() || section.isEmpty()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.channel.unknown")));
        }
        if (option >= question.get().options().size()) {
            return List.of(withQuizStart(language, Messages.get(language, "quiz.channel.invalid")));
        }
        Optional<ChannelQuiz> recorded =
                quiz.answeredBy(user) ? Optional.empty() : channelQuizzes.recordAnswer(id, user, option);
        if (recorded.isEmpty()) {
            return List.of(message(language, Reply.Delivery.PRIVATE, Messages.get(language, "quiz.channel.already")));
        }
        boolean correct = option == question.get().correctIndex();
        activity.record(
                new QuizAnswered(clock.instant(), section.get().id(), quiz.questionId(), correct, channel, user));

        List<Block> feedback = new ArrayList<>(verdict(bank, section.get(), question.get(), option, language));
        feedback.add(new Block.Buttons(
                List.of(Button.of(ActionIds.QUIZ_START, "", Messages.get(language, "quiz.button.practise")))));
        List<Reply> replies = new ArrayList<>();
        replies.add(reply(language, Reply.Delivery.PRIVATE, feedback));
        channelQuestionReply(bank, recorded.get(), Reply.Delivery.REPLACE_ORIGINAL)
                .ifPresent(replies::add);
        return replies;
    }

    @Override
    public Reply view(UserRef user, ChannelRef channel, String quizId, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Optional<ChannelQuiz> found =
                quizId == null || !QuizSession.ID.matcher(quizId).matches()
                        ? Optional.empty()
                        : channelQuizzes.find(quizId);
        if (found.isEmpty() || !found.get().channel().equals(channel)) {
            return replacing(withQuizStart(language, Messages.get(language, "quiz.channel.unknown")));
        }
        ChannelQuiz quiz = found.get();
        QuizBank bank = bank();
        Optional<Reply> card = channelQuestionReply(bank, quiz, Reply.Delivery.REPLACE_ORIGINAL);
        Optional<QuizQuestion> question = bank.question(quiz.questionId(), language);
        Optional<Section> section = bank.section(quiz.questionId(), language);
        if (card.isEmpty() || question.isEmpty() || section.isEmpty()) {
            return replacing(withQuizStart(language, Messages.get(language, "quiz.channel.unknown")));
        }
        Optional<Integer> chosen = channelQuizzes
                .answerOf(quiz, user)
                .filter(option -> option < question.get().options().size());
        if (chosen.isEmpty()) {
            return card.get();
        }
        List<Block> blocks = new ArrayList<>(card.get().blocks());
        blocks.addAll(verdict(bank, section.get(), question.get(), chosen.get(), language));
        return reply(language, Reply.Delivery.REPLACE_ORIGINAL, blocks)
                .withView(card.get().view().orElseThrow());
    }

    /** The channel's question message, with the totals once someone answered; in the quiz's language. */
    private Optional<Reply> channelQuestionReply(QuizBank bank, ChannelQuiz quiz, Reply.Delivery delivery) {
        Language language = quiz.language();
        Optional<QuizQuestion> question = bank.question(quiz.questionId(), language);
        Optional<Section> section = bank.section(quiz.questionId(), language);
        if (question.isEmpty() || section.isEmpty()) {
            return Optional.empty();
        }
        List<Button> buttons = new ArrayList<>();
        List<String> options = question.get().options();
        for (int option = 0; option < options.size(); option++) {
            buttons.add(Button.of(ActionIds.CHANNEL_QUIZ_ANSWER, quiz.id() + ":" + option, options.get(option)));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "quiz.channel.heading")));
        blocks.add(new Block.Text(question.get().text()));
        blocks.add(new Block.Buttons(buttons));
        blocks.add(new Block.Context(
                Messages.get(language, "quiz.channel.privacy", section.get().title())));
        int count = quiz.answers().size();
        if (count > 0) {
            long right = quiz.answers().values().stream()
                    .filter(option -> option == question.get().correctIndex())
                    .count();
            String percent = String.valueOf(Math.round(100.0 * right / count));
            blocks.add(new Block.Context(
                    count == 1
                            ? Messages.get(language, "quiz.channel.tally.one", percent)
                            : Messages.get(language, "quiz.channel.tally", String.valueOf(count), percent)));
        }
        return Optional.of(reply(language, delivery, blocks)
                .withView(viewButton(ActionIds.CHANNEL_QUIZ_VIEW, quiz.id(), language)));
    }

    // ----- shared -----

    /** Right or wrong, the explanation and the cited section. */
    private static List<Block> verdict(
            QuizBank bank, Section section, QuizQuestion question, int option, Language language) {
        String sentence = option == question.correctIndex()
                ? Messages.get(language, "quiz.feedback.right", question.correctOption())
                : Messages.get(
                        language, "quiz.feedback.wrong", question.options().get(option), question.correctOption());
        return List.of(
                new Block.Text(sentence),
                new Block.Text(question.explanation()),
                new Block.CitedSection(
                        Messages.get(language, "quiz.label.source"),
                        section.id(),
                        section.title(),
                        bank.charter().settings().linkTo(section.id()).orElse(null)));
    }

    private QuizBank bank() {
        Charter current = Objects.requireNonNull(charter.get(), "charter");
        QuizBank cached = bank.get();
        if (cached == null || cached.charter() != current) {
            cached = QuizBank.of(current);
            bank.set(cached);
        }
        return cached;
    }

    /** A fresh 32-character hex id; the caller holds the random lock. */
    private String newId(Predicate<String> taken) {
        String id;
        do {
            id = HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        } while (taken.test(id));
        return id;
    }

    /** The action that shows a quiz again as it stands for the person asking. */
    private static Button viewButton(String actionId, String id, Language language) {
        return Button.of(actionId, id, Messages.get(language, "quiz.button.refresh"));
    }

    /** The reply, replacing the message it answers (a view asked for again). */
    private static Reply replacing(Reply reply) {
        return new Reply(
                reply.language(), Reply.Delivery.REPLACE_ORIGINAL, reply.blocks(), reply.fallbackText(), reply.view());
    }

    /** A private message with a button that starts a new quiz. */
    private static Reply withQuizStart(Language language, String text) {
        return reply(
                language,
                Reply.Delivery.PRIVATE,
                List.of(
                        new Block.Text(text),
                        new Block.Buttons(List.of(
                                Button.of(ActionIds.QUIZ_START, "", Messages.get(language, "quiz.button.start"))))));
    }

    private static Reply message(Language language, Reply.Delivery delivery, String text) {
        return reply(language, delivery, List.of(new Block.Text(text)));
    }

    private static Reply reply(Language language, Reply.Delivery delivery, List<Block> blocks) {
        return new Reply(language, delivery, blocks, fallback(language, blocks));
    }

    /** The whole message as plain text: answer options numbered, other buttons left out. */
    static String fallback(Language language, List<Block> blocks) {
        List<String> lines = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Heading heading) {
                lines.add(heading.text());
            } else if (block instanceof Block.Text text) {
                lines.add(text.text());
            } else if (block instanceof Block.Context context) {
                lines.add(context.text());
            } else if (block instanceof Block.CitedSection cited) {
                lines.add(
                        cited.link() == null
                                ? Messages.get(language, "quiz.source.fallback", cited.title())
                                : Messages.get(language, "quiz.source.fallback.link", cited.title(), cited.link()));
            } else if (block instanceof Block.Checklist checklist) {
                lines.add(checklist.label());
                checklist.items().forEach(item -> lines.add("- " + item));
            } else if (block instanceof Block.Buttons buttons) {
                int number = 1;
                for (Button button : buttons.buttons()) {
                    if (button.actionId().equals(ActionIds.QUIZ_ANSWER)
                            || button.actionId().equals(ActionIds.CHANNEL_QUIZ_ANSWER)) {
                        lines.add(number++ + ") " + button.label());
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
