package com.charterbot.core.home;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelLabels;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.people.LanguagePreferences;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.quiz.CardState;
import com.charterbot.core.quiz.QuizBank;
import com.charterbot.core.quiz.QuizProgressStore;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The home page: the person's quiz progress (only questions the charter still has count), up to
 * {@value #WEAK_TOPICS} topics to review, a button to start a quiz, and for administrators the
 * channels of their own workspace or tenant, at most {@value #MAX_CHANNELS}, each with a button
 * to change its nudges, then, where phrasings are reviewed, the suggested phrasings with their
 * Approve, Reject and Move to section buttons ({@link PhrasingReview#pendingBlocks}).
 *
 * <p>The weakest topics are the sections with the most wrong answers over all the person's
 * answers; on a tie, the one whose questions sit in the lowest Leitner box, then the earliest in
 * the charter. Sections without a wrong answer are never offered.
 */
public final class HomeService implements ShowHome {

    /** How many topics to review are offered at most. */
    static final int WEAK_TOPICS = 3;
    /** How many channels an administrator sees; each takes two blocks, which keeps Slack's App Home well within its 100. */
    static final int MAX_CHANNELS = 20;

    private static final DateTimeFormatter DUE_FORMAT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT);

    private final Supplier<Charter> charter;
    private final QuizProgressStore progress;
    private final ChannelStore channels;
    private final AdminActions admin;
    private final LanguagePreferences languages;
    private final Language defaultLanguage;
    private final Clock clock;
    private final Optional<PhrasingReview> phrasings;
    private final AtomicReference<QuizBank> bank = new AtomicReference<>();

    /** A home page without suggested phrasings. */
    public HomeService(
            Supplier<Charter> charter,
            QuizProgressStore progress,
            ChannelStore channels,
            AdminActions admin,
            LanguagePreferences languages,
            Language defaultLanguage,
            Clock clock) {
        this(charter, progress, channels, admin, languages, defaultLanguage, clock, Optional.empty());
    }

    /**
     * @param charter the charter in use, asked for on every call, so that a reload shows at once
     * @param defaultLanguage the page's language when neither the person nor the platform gives one
     * @param phrasings the suggested phrasings administrators review; empty where nobody reviews them
     */
    public HomeService(
            Supplier<Charter> charter,
            QuizProgressStore progress,
            ChannelStore channels,
            AdminActions admin,
            LanguagePreferences languages,
            Language defaultLanguage,
            Clock clock,
            Optional<PhrasingReview> phrasings) {
        this.charter = Objects.requireNonNull(charter, "charter");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phrasings = Objects.requireNonNull(phrasings, "phrasings");
    }

    @Override
    public Reply home(UserRef user, boolean platformAdmin, Optional<Language> platformLanguage) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(platformLanguage, "platformLanguage");
        Language language = languages.find(user).or(() -> platformLanguage).orElse(defaultLanguage);
        QuizBank questions = bank();
        Map<String, CardState> cards = new HashMap<>();
        progress.load(user).forEach((id, card) -> {
            if (questions.contains(id)) {
                cards.put(id, card);
            }
        });

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "commands.home.heading")));
        if (cards.isEmpty()) {
            blocks.add(new Block.Text(Messages.get(language, "commands.home.new")));
        } else {
            blocks.addAll(progressBlocks(questions, cards, language));
        }
        blocks.add(new Block.Buttons(List.of(new Button(
                ActionIds.QUIZ_START, "", Messages.get(language, "commands.quiz.start"), Button.Style.PRIMARY))));
        if (admin.authorize(user, platformAdmin).allowed()) {
            blocks.addAll(channelBlocks(user, language));
            phrasings.ifPresent(review -> blocks.addAll(review.pendingBlocks(language)));
        }
        return Reply.of(language, Reply.Delivery.PRIVATE, blocks);
    }

    private List<Block> progressBlocks(QuizBank questions, Map<String, CardState> cards, Language language) {
        Instant now = clock.instant();
        int answers = 0;
        int right = 0;
        int due = 0;
        for (CardState card : cards.values()) {
            answers += card.seen();
            right += card.correct();
            due += card.isDue(now) ? 1 : 0;
        }
        long percent = Math.round(100.0 * right / answers);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Checklist(
                Messages.get(language, "commands.home.progress"),
                List.of(
                        Messages.get(language, "commands.home.progress.practised", cards.size()),
                        Messages.get(language, "commands.home.progress.right", percent, right, answers),
                        Messages.get(language, "commands.home.progress.due", due))));
        List<Button> topics = weakestSections(questions, cards, language).stream()
                .map(section -> Button.of(ActionIds.OPEN_SECTION, section.id(), section.title()))
                .toList();
        if (topics.isEmpty()) {
            if (right == answers) {
                blocks.add(new Block.Text(Messages.get(language, "commands.home.all-right")));
            }
        } else {
            blocks.add(new Block.Suggestions(Messages.get(language, "commands.home.weakest"), topics));
        }
        return blocks;
    }

    private List<Section> weakestSections(QuizBank questions, Map<String, CardState> cards, Language language) {
        Map<String, int[]> bySection = new HashMap<>(); // section id -> {misses, lowest box}
        for (Map.Entry<String, CardState> entry : cards.entrySet()) {
            CardState card = entry.getValue();
            String sectionId = questions.sectionId(entry.getKey()).orElseThrow();
            int[] weakness = bySection.computeIfAbsent(sectionId, id -> new int[] {0, Integer.MAX_VALUE});
            weakness[0] += card.seen() - card.correct();
            weakness[1] = Math.min(weakness[1], card.box());
        }
        List<String> order = questions.charter().topicIds();
        return bySection.entrySet().stream()
                .filter(entry -> entry.getValue()[0] > 0)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(entry -> -entry.getValue()[0])
                        .thenComparingInt(entry -> entry.getValue()[1])
                        .thenComparingInt(entry -> order.indexOf(entry.getKey())))
                .map(entry -> questions.charter().section(entry.getKey(), language))
                .flatMap(Optional::stream)
                .filter(section -> !section.isNotCovered())
                .limit(WEAK_TOPICS)
                .toList();
    }

    private List<Block> channelBlocks(UserRef user, Language language) {
        List<ChannelState> own = channels.all().stream()
                .filter(state -> state.channel().platform() == user.platform()
                        && state.channel().tenant().equals(user.tenant()))
                .sorted(Comparator.comparing((ChannelState state) ->
                                ChannelLabels.name(state).toLowerCase(language.locale()))
                        .thenComparing(state -> state.channel().channelId()))
                .toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "commands.home.channels")));
        if (own.isEmpty()) {
            blocks.add(new Block.Text(Messages.get(
                    language,
                    user.platform() == Platform.SLACK
                            ? "commands.home.channels.none.slack"
                            : "commands.home.channels.none.teams")));
            return blocks;
        }
        String edit = Messages.get(language, "commands.home.channel.edit");
        for (ChannelState state : own.subList(0, Math.min(MAX_CHANNELS, own.size()))) {
            blocks.add(new Block.Text(channelLine(state, language)));
            blocks.add(new Block.Buttons(
                    List.of(Button.of(ActionIds.NUDGES_EDIT, state.channel().channelId(), edit))));
        }
        if (own.size() > MAX_CHANNELS) {
            blocks.add(new Block.Context(
                    Messages.get(language, "commands.home.channels.more", own.size() - MAX_CHANNELS)));
        }
        return blocks;
    }

    private String channelLine(ChannelState state, Language language) {
        String name = ChannelLabels.name(state);
        String settings = state.settings().describe(language);
        if (state.status() == ChannelState.Status.PAUSED) {
            return Messages.get(
                    language,
                    "commands.home.channel.paused",
                    name,
                    settings,
                    ChannelLabels.pauseReason(state.pauseReason(), language));
        }
        return state.nextDue(clock)
                .map(due -> Messages.get(
                        language,
                        "commands.home.channel.next",
                        name,
                        settings,
                        DUE_FORMAT
                                .withLocale(language.locale())
                                .format(due.atZone(state.settings().zone()))))
                .orElseGet(() -> Messages.get(language, "commands.home.channel.plain", name, settings));
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
}
