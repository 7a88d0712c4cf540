package com.charterbot.core.experts;

import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.Decision;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.people.PersonalData;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * "Ask the communications team": offers to send a question the charter did not settle, sends it
 * once the person confirmed, posts it in the experts' channel and brings the experts' answer, their
 * section or their "not for us" back to the asker privately, in the asker's language.
 *
 * <p>Every decision is here; adapters lay the replies out, open the forms (a Slack modal, inputs
 * on a Teams card) and implement {@link ExpertsMessenger}. The asker and the text of a question
 * are erased as soon as it is closed (see {@link ExpertQuestion}).
 */
public final class ExpertsDesk implements PersonalData {

    /** Form field: the expert's answer. */
    public static final String ANSWER = "answer";
    /** Form field: a section id. */
    public static final String SECTION = "section";
    /** Form field: why the question is not for the communications team. */
    public static final String REASON = "reason";
    /** The longest answer an expert may send; Slack's text inputs stop at 3,000 characters. */
    public static final int MAX_ANSWER = 3_000;
    /** The longest "not for us" reason. */
    public static final int MAX_REASON = 500;
    /** How many of the closest sections go with a question. */
    static final int MAX_SECTIONS = 3;
    /** Separates the section ids from the question in an offer's value. */
    static final String SEPARATOR = "|";
    /** Slack's static selects hold at most 100 options. */
    private static final int MAX_OPTIONS = 100;

    /**
     * The experts' channel of each platform from the configuration, used where no administrator set
     * one in chat; its tenant is the asker's.
     *
     * @param reminderAfter how long, in working time (weekends do not count), a question stays open before the experts' channel is reminded of it once
     */
    public record Settings(
            Optional<String> slackChannel, Optional<String> teamsChannel, Duration reminderAfter, ZoneId zone) {
        public Settings {
            slackChannel = slackChannel.filter(id -> !id.isBlank()).map(String::strip);
            teamsChannel = teamsChannel.filter(id -> !id.isBlank()).map(String::strip);
            Objects.requireNonNull(reminderAfter, "reminderAfter");
            Objects.requireNonNull(zone, "zone");
            if (reminderAfter.isNegative() || reminderAfter.isZero()) {
                throw new IllegalArgumentException("reminderAfter must be positive");
            }
        }

        /** No channel configured: only {@code experts channel here} sets one. */
        public static Settings none() {
            return new Settings(Optional.empty(), Optional.empty(), Duration.ofDays(2), ZoneId.of("UTC"));
        }

        Optional<String> channel(Platform platform) {
            return platform == Platform.SLACK ? slackChannel : teamsChannel;
        }
    }

    /** The open, answered and declined questions of a period and the median time to a reply. */
    public record Figures(int open, int answered, int declined, Optional<Duration> medianTime) {}

    private final Supplier<Charter> charter;
    private final ExpertQuestions questions;
    private final ExpertsChannels channels;
    private final ExpertsMessenger messenger;
    private final AdminActions admin;
    private final Language expertsLanguage;
    private final Settings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final SectionNamed named;

    /** Learns from an expert naming the section that answers a question (see {@code PhrasingReview#seen}). */
    @FunctionalInterface
    public interface SectionNamed {
        void seen(String question, String sectionId, Language language);
    }

    /**
     * @param expertsLanguage the language of the experts' cards and forms: the charter's default
     * @param random makes question ids, which must not be guessable
     */
    public ExpertsDesk(
            Supplier<Charter> charter,
            ExpertQuestions questions,
            ExpertsChannels channels,
            ExpertsMessenger messenger,
            AdminActions admin,
            Language expertsLanguage,
            Settings settings,
            Clock clock,
            RandomGenerator random) {
        this(charter, questions, channels, messenger, admin, expertsLanguage, settings, clock, random, (q, s, l) -> {});
    }

    /** @param named told of each question an expert answered with a section */
    public ExpertsDesk(
            Supplier<Charter> charter,
            ExpertQuestions questions,
            ExpertsChannels channels,
            ExpertsMessenger messenger,
            AdminActions admin,
            Language expertsLanguage,
            Settings settings,
            Clock clock,
            RandomGenerator random,
            SectionNamed named) {
        this.named = Objects.requireNonNull(named, "named");
        this.charter = Objects.requireNonNull(charter, "charter");
        this.questions = Objects.requireNonNull(questions, "questions");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.expertsLanguage = Objects.requireNonNull(expertsLanguage, "expertsLanguage");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    // ----- the asker -----

    /**
     * The "Ask the communications team" button for a question, when this person's workspace or
     * tenant has an experts' channel; the question is cut to {@link ExpertQuestion#MAX_TEXT}.
     */
    public Optional<Button> offer(UserRef asker, String question, List<String> sections, Language language) {
        String text = UserText.oneLine(question == null ? "" : question);
        if (text.isBlank() || channel(asker).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Button(
                ActionIds.EXPERTS_OFFER,
                value(text, sections),
                Messages.get(language, "experts.ask"),
                Button.Style.DEFAULT));
    }

    /** What a click on the desk's buttons and forms gives; empty when the action is not the desk's. */
    public Optional<List<Reply>> act(ActionEvent action, String value, Language language) {
        return Optional.ofNullable(
                switch (action.actionId()) {
                    case ActionIds.EXPERTS_OFFER -> List.of(confirmation(action.user(), value, language));
                    case ActionIds.EXPERTS_SEND -> List.of(send(action, value, language));
                    case ActionIds.EXPERTS_CANCEL ->
                        List.of(text(
                                language,
                                Reply.Delivery.REPLACE_ORIGINAL,
                                Messages.get(language, "experts.cancelled")));
                    case ActionIds.EXPERT_ANSWER, ActionIds.EXPERT_SECTION, ActionIds.EXPERT_DECLINE ->
                        List.of(form(action.actionId(), value));
                    case ActionIds.EXPERT_ANSWER_SUBMIT,
                            ActionIds.EXPERT_SECTION_SUBMIT,
                            ActionIds.EXPERT_DECLINE_SUBMIT -> reply(action, value);
                    default -> null;
                });
    }

    private Reply confirmation(UserRef asker, String value, Language language) {
        Offer offer = Offer.read(value, charter.get(), language);
        Optional<ChannelRef> channel = channel(asker);
        if (offer == null || channel.isEmpty()) {
            return text(
                    language,
                    Reply.Delivery.PRIVATE,
                    Messages.get(
                            language,
                            "experts.unavailable",
                            charter.get().settings().communicationsContact()));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "experts.confirm.title")));
        blocks.add(new Block.Text(Messages.get(language, "experts.confirm.text")));
        blocks.add(new Block.Quoted(
                Messages.get(language, "experts.confirm.question"), List.of(quoted(offer.text(), language))));
        blocks.add(new Block.Context(Messages.get(language, "experts.confirm.also")));
        blocks.add(new Block.Buttons(List.of(
                new Button(
                        ActionIds.EXPERTS_SEND,
                        value,
                        Messages.get(language, "experts.confirm.send"),
                        Button.Style.PRIMARY),
                Button.of(ActionIds.EXPERTS_CANCEL, "", Messages.get(language, "experts.confirm.cancel")))));
        return Reply.of(language, Reply.Delivery.PRIVATE, blocks);
    }

    private Reply send(ActionEvent action, String value, Language language) {
        Offer offer = Offer.read(value, charter.get(), language);
        Optional<ChannelRef> channel = channel(action.user());
        if (offer == null || channel.isEmpty()) {
            return text(
                    language,
                    Reply.Delivery.REPLACE_ORIGINAL,
                    Messages.get(
                            language,
                            "experts.unavailable",
                            charter.get().settings().communicationsContact()));
        }
        ExpertQuestion question = ExpertQuestion.asked(
                newId(), action.user(), action.name(), offer.text(), language, offer.sections(), clock.instant());
        questions.add(question);
        ExpertsMessenger.Posted posted = messenger.post(channel.get(), card(question));
        if (posted instanceof ExpertsMessenger.Posted.Done done) {
            questions.posted(question.id(), channel.get(), done.cardId());
            return text(language, Reply.Delivery.REPLACE_ORIGINAL, Messages.get(language, "experts.sent"));
        }
        // The question stays open, and shows in the statistics: nothing the person wrote is lost.
        return text(
                language,
                Reply.Delivery.REPLACE_ORIGINAL,
                Messages.get(
                        language, "experts.not-posted", charter.get().settings().communicationsContact()));
    }

    /** Where this person's questions go: the channel an administrator set in chat, else the configured one. */
    private Optional<ChannelRef> channel(UserRef asker) {
        return channels.find(asker.platform(), asker.tenant())
                .or(() -> settings.channel(asker.platform())
                        .map(id -> new ChannelRef(asker.platform(), asker.tenant(), id)));
    }

    // ----- the experts -----

    /** The card posted in the experts' channel: the question, who asked, the closest sections, and what the experts can do. */
    Reply card(ExpertQuestion question) {
        Language language = expertsLanguage;
        List<Block> blocks = cardHead(question, language);
        blocks.add(new Block.Buttons(List.of(
                new Button(
                        ActionIds.EXPERT_ANSWER,
                        question.id(),
                        Messages.get(language, "experts.card.answer"),
                        Button.Style.PRIMARY),
                Button.of(ActionIds.EXPERT_SECTION, question.id(), Messages.get(language, "experts.card.section")),
                new Button(
                        ActionIds.EXPERT_DECLINE,
                        question.id(),
                        Messages.get(language, "experts.card.decline"),
                        Button.Style.DANGER))));
        return Reply.of(language, Reply.Delivery.CONVERSATION, blocks);
    }

    private List<Block> cardHead(ExpertQuestion question, Language language) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "experts.card.title")));
        if (question.text() == null) {
            blocks.add(new Block.Text(Messages.get(language, "experts.card.erased")));
            return blocks;
        }
        blocks.add(new Block.Quoted(
                Messages.labelled(language, Messages.get(language, "experts.card.question")),
                List.of(quoted(question.text(), language))));
        if (question.asker() != null) {
            blocks.add(new Block.Person(
                    Messages.get(language, "experts.card.asker"),
                    question.asker().userId(),
                    question.askerName()));
        }
        blocks.add(new Block.Context(Messages.get(
                language,
                "experts.card.details",
                Messages.get(
                        language, "commands.language." + question.language().tag()),
                when(question.askedAt(), language))));
        List<String> titles = question.sections().stream()
                .flatMap(id -> charter.get().section(id, language).stream())
                .map(Section::title)
                .toList();
        if (!titles.isEmpty()) {
            blocks.add(new Block.Checklist(Messages.get(language, "experts.card.closest"), titles));
        }
        return blocks;
    }

    private Reply form(String actionId, String id) {
        Language language = expertsLanguage;
        Optional<ExpertQuestion> found = questions.find(id);
        if (found.isEmpty() || !found.get().open()) {
            return closed(found, language);
        }
        ExpertQuestion question = found.get();
        String intro = Messages.labelled(language, Messages.get(language, "experts.card.question")) + " "
                + quoted(question.text(), language);
        return switch (actionId) {
            case ActionIds.EXPERT_ANSWER ->
                formReply(
                        language,
                        new Block.Form(
                                Messages.get(language, "experts.form.answer.title"),
                                intro,
                                List.of(
                                        new Block.Form.Field(
                                                ANSWER,
                                                Messages.get(language, "experts.form.answer.text"),
                                                List.of(),
                                                false,
                                                MAX_ANSWER),
                                        new Block.Form.Field(
                                                SECTION,
                                                Messages.get(language, "experts.form.answer.section"),
                                                sectionOptions(language),
                                                true,
                                                200)),
                                new Button(
                                        ActionIds.EXPERT_ANSWER_SUBMIT,
                                        id,
                                        Messages.get(language, "experts.form.answer.submit"),
                                        Button.Style.PRIMARY),
                                Messages.get(language, "experts.form.cancel")));
            case ActionIds.EXPERT_SECTION ->
                formReply(
                        language,
                        new Block.Form(
                                Messages.get(language, "experts.form.section.title"),
                                intro,
                                List.of(new Block.Form.Field(
                                        SECTION,
                                        Messages.get(language, "experts.form.section.field"),
                                        sectionOptions(language),
                                        false,
                                        200)),
                                new Button(
                                        ActionIds.EXPERT_SECTION_SUBMIT,
                                        id,
                                        Messages.get(language, "experts.form.section.submit"),
                                        Button.Style.PRIMARY),
                                Messages.get(language, "experts.form.cancel")));
            default ->
                formReply(
                        language,
                        new Block.Form(
                                Messages.get(language, "experts.form.decline.title"),
                                intro,
                                List.of(new Block.Form.Field(
                                        REASON,
                                        Messages.get(language, "experts.form.decline.reason"),
                                        List.of(),
                                        false,
                                        MAX_REASON)),
                                new Button(
                                        ActionIds.EXPERT_DECLINE_SUBMIT,
                                        id,
                                        Messages.get(language, "experts.form.decline.submit"),
                                        Button.Style.DANGER),
                                Messages.get(language, "experts.form.cancel")));
        };
    }

    private static Reply formReply(Language language, Block.Form form) {
        return Reply.of(language, Reply.Delivery.PRIVATE, List.of(form));
    }

    private List<Button> sectionOptions(Language language) {
        return charter.get().sections(language).stream()
                .filter(section -> !section.isNotCovered())
                .limit(MAX_OPTIONS)
                .map(section -> Button.of(ActionIds.OPEN_SECTION, section.id(), section.title()))
                .toList();
    }

    /** An expert's answer, section or "not for us", checked, then sent to the asker; the card updated. */
    private List<Reply> reply(ActionEvent action, String id) {
        Language language = expertsLanguage;
        String sectionId = action.inputs().getOrDefault(SECTION, "").strip();
        Optional<Section> section = sectionId.isEmpty()
                ? Optional.empty()
                : charter.get().section(sectionId, language).filter(s -> !s.isNotCovered());
        if (!sectionId.isEmpty() && section.isEmpty()
                || ActionIds.EXPERT_SECTION_SUBMIT.equals(action.actionId()) && section.isEmpty()) {
            return List.of(text(language, Reply.Delivery.PRIVATE, Messages.get(language, "experts.reply.no-section")));
        }
        String answer = action.inputs().getOrDefault(ANSWER, "").strip();
        String reason = action.inputs().getOrDefault(REASON, "").strip();
        boolean declining = ActionIds.EXPERT_DECLINE_SUBMIT.equals(action.actionId());
        if (ActionIds.EXPERT_ANSWER_SUBMIT.equals(action.actionId()) && answer.isEmpty()
                || declining && reason.isEmpty()) {
            return List.of(text(language, Reply.Delivery.PRIVATE, Messages.get(language, "experts.reply.empty")));
        }
        if (answer.length() > MAX_ANSWER || reason.length() > MAX_REASON) {
            return List.of(text(
                    language,
                    Reply.Delivery.PRIVATE,
                    Messages.get(
                            language,
                            "experts.reply.too-long",
                            Math.max(answer.length(), reason.length()),
                            declining ? MAX_REASON : MAX_ANSWER)));
        }
        Optional<ExpertQuestion> before = questions.find(id);
        String expert = action.name().isBlank() ? Messages.get(language, "experts.someone") : action.name();
        Instant now = clock.instant();
        if (before.isEmpty()
                || !questions.close(
                        id, declining ? ExpertQuestion.Status.DECLINED : ExpertQuestion.Status.ANSWERED, expert, now)) {
            return List.of(closed(questions.find(id), language));
        }
        ExpertQuestion question = before.get();
        Reply toAsker = declining
                ? declined(question, reason, expert)
                : answered(question, answer, section.map(Section::id), expert);
        if (question.channel() == null || !messenger.tell(question.asker(), question.channel(), toAsker)) {
            questions.reopen(id);
            return List.of(text(language, Reply.Delivery.PRIVATE, Messages.get(language, "experts.reply.undelivered")));
        }
        section.ifPresent(s -> named.seen(question.text(), s.id(), question.language()));
        questions.erase(id);
        if (question.channel() != null && question.cardId() != null) {
            messenger.update(
                    question.channel(), question.cardId(), closedCard(question, declining, expert, now, section));
        }
        return List.of(text(
                language,
                Reply.Delivery.PRIVATE,
                Messages.get(language, declining ? "experts.reply.declined" : "experts.reply.sent")));
    }

    /** What the asker receives: the expert's words, in the asker's language's frame, with the cited section. */
    private Reply answered(ExpertQuestion question, String answer, Optional<String> sectionId, String expert) {
        Language language = question.language();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "experts.answer.title")));
        blocks.add(new Block.Quoted(
                Messages.get(language, "experts.answer.your-question"), List.of(quoted(question.text(), language))));
        if (!answer.isEmpty()) {
            blocks.add(new Block.Text(answer));
        }
        Charter current = charter.get();
        sectionId.flatMap(id -> current.section(id, language)).ifPresent(section -> {
            if (answer.isEmpty()) {
                blocks.add(new Block.Text(Messages.get(language, "experts.answer.section")));
                blocks.add(new Block.Text(section.rule()));
            }
            blocks.add(new Block.CitedSection(
                    Messages.get(language, "label.source"),
                    section.id(),
                    section.title(),
                    current.settings().linkTo(section.id()).orElse(null)));
        });
        blocks.add(new Block.Context(Messages.get(language, "experts.answer.by", expert)));
        return Reply.of(language, Reply.Delivery.PRIVATE, blocks);
    }

    private Reply declined(ExpertQuestion question, String reason, String expert) {
        Language language = question.language();
        return Reply.of(
                language,
                Reply.Delivery.PRIVATE,
                List.of(
                        new Block.Heading(Messages.get(language, "experts.declined.title")),
                        new Block.Quoted(
                                Messages.get(language, "experts.answer.your-question"),
                                List.of(quoted(question.text(), language))),
                        new Block.Text(reason),
                        new Block.Context(Messages.get(language, "experts.answer.by", expert))));
    }

    private Reply closedCard(
            ExpertQuestion question, boolean declined, String expert, Instant at, Optional<Section> section) {
        Language language = expertsLanguage;
        List<Block> blocks = cardHead(question, language);
        String when = when(at, language);
        blocks.add(new Block.Context(
                declined
                        ? Messages.get(language, "experts.card.declined", expert, when)
                        : section.map(s -> Messages.get(
                                        language, "experts.card.answered-section", expert, when, s.title()))
                                .orElseGet(() -> Messages.get(language, "experts.card.answered", expert, when))));
        return Reply.of(language, Reply.Delivery.REPLACE_ORIGINAL, blocks);
    }

    /** Why an expert cannot act on a question: answered already, declined, or its asker asked to be forgotten. */
    private Reply closed(Optional<ExpertQuestion> question, Language language) {
        if (question.isEmpty()) {
            return text(language, Reply.Delivery.PRIVATE, Messages.get(language, "experts.closed.unknown"));
        }
        ExpertQuestion q = question.get();
        String when = q.closedAt() == null ? "" : when(q.closedAt(), language);
        String message = switch (q.status()) {
            case ANSWERED -> Messages.get(language, "experts.closed.answered", q.closedBy(), when);
            case DECLINED -> Messages.get(language, "experts.closed.declined", q.closedBy(), when);
            case FORGOTTEN -> Messages.get(language, "experts.closed.forgotten");
            case OPEN -> Messages.get(language, "experts.closed.unknown");
        };
        return text(language, Reply.Delivery.PRIVATE, message);
    }

    // ----- administrators -----

    /** {@code experts channel here}: the channel the command was typed in receives this tenant's questions from now on. */
    public Reply channelHere(
            UserRef user,
            boolean platformAdmin,
            ChannelRef here,
            boolean direct,
            Language language,
            Reply.Delivery delivery) {
        Decision decision = admin.authorize(user, platformAdmin);
        if (decision instanceof Decision.Denied denied) {
            return text(language, delivery, denied.reason(language));
        }
        if (direct) {
            return text(language, delivery, Messages.get(language, "experts.channel.direct"));
        }
        String before = channel(user).map(ChannelRef::key).orElse("");
        channels.set(here);
        admin.audited(user, AdminActions.EXPERTS_CHANNEL, here.tenantKey(), before, here.key());
        return text(language, delivery, Messages.get(language, "experts.channel.set"));
    }

    /** The questions asked in [from, to) within the scope: open, answered, declined and the median time to a reply. */
    public Figures figures(Instant from, Instant to, StatsScope scope) {
        List<ExpertQuestion> asked = questions.askedBetween(from, to).stream()
                .filter(q -> scope.covers(q.tenant()))
                .toList();
        int open = (int) asked.stream().filter(ExpertQuestion::open).count();
        int answered = (int) asked.stream()
                .filter(q -> q.status() == ExpertQuestion.Status.ANSWERED)
                .count();
        int declined = (int) asked.stream()
                .filter(q -> q.status() == ExpertQuestion.Status.DECLINED)
                .count();
        long[] times = asked.stream()
                .filter(q ->
                        q.status() == ExpertQuestion.Status.ANSWERED || q.status() == ExpertQuestion.Status.DECLINED)
                .mapToLong(q -> Duration.between(q.askedAt(), q.closedAt()).toSeconds())
                .sorted()
                .toArray();
        Optional<Duration> median = times.length == 0
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(
                        times.length % 2 == 1
                                ? times[times.length / 2]
                                : (times[times.length / 2 - 1] + times[times.length / 2]) / 2));
        return new Figures(open, answered, declined, median);
    }

    /** The statistics' lines on questions sent to the communications team; empty when none was sent. */
    public List<Block> statsBlocks(Instant from, Instant to, StatsScope scope, Language language) {
        Figures figures = figures(from, to, scope);
        if (figures.open() + figures.answered() + figures.declined() == 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(
                Messages.get(language, "experts.stats.counts", figures.open(), figures.answered(), figures.declined()));
        figures.medianTime()
                .ifPresent(median -> lines.add(Messages.get(language, "experts.stats.median", hours(median))));
        return List.of(new Block.Checklist(Messages.get(language, "experts.stats.title"), lines));
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60);
    }

    // ----- privacy and reminders -----

    @Override
    public void forget(UserRef user) {
        questions.forget(user);
    }

    /**
     * Reminds the experts' channels, once each, of the questions open for longer than
     * {@link Settings#reminderAfter()}; how many reminders went out.
     */
    public int remind() {
        Instant now = clock.instant();
        int sent = 0;
        for (ExpertQuestion question :
                questions.dueForReminder(workingTimeBefore(now, settings.reminderAfter(), settings.zone()))) {
            if (question.channel() == null || question.text() == null) {
                continue;
            }
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Text(Messages.get(
                    expertsLanguage,
                    "experts.reminder",
                    Duration.between(question.askedAt(), now).toDays())));
            Reply card = card(question);
            blocks.addAll(card.blocks());
            if (!(messenger.post(question.channel(), Reply.of(expertsLanguage, Reply.Delivery.CONVERSATION, blocks))
                    instanceof ExpertsMessenger.Posted.Failed)) {
                sent++;
            }
            questions.reminded(question.id(), now);
        }
        return sent;
    }

    /**
     * The instant that lies {@code amount} of working time before {@code now} in {@code zone}: Saturdays
     * and Sundays do not count, so "2 days" asked on a Friday afternoon falls due on Tuesday afternoon.
     * Public holidays count as working days: they differ by country and the bot knows none.
     */
    static Instant workingTimeBefore(Instant now, Duration amount, ZoneId zone) {
        ZonedDateTime cursor = now.atZone(zone);
        Duration left = amount;
        while (!left.isZero() && !left.isNegative()) {
            ZonedDateTime dayStart = cursor.toLocalDate().atStartOfDay(zone);
            if (!dayStart.isBefore(cursor)) {
                dayStart = cursor.toLocalDate().minusDays(1).atStartOfDay(zone);
            }
            DayOfWeek day = dayStart.getDayOfWeek();
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                Duration available = Duration.between(dayStart, cursor);
                if (left.compareTo(available) <= 0) {
                    return cursor.minus(left).toInstant();
                }
                left = left.minus(available);
            }
            cursor = dayStart;
        }
        return cursor.toInstant();
    }

    // ----- values -----

    /** A question and its closest sections, as an offer's button carries them: {@code <ids>|<text>}. */
    record Offer(List<String> sections, String text) {
        static Offer read(String value, Charter charter, Language language) {
            int separator = value.indexOf(SEPARATOR);
            if (separator < 0) {
                return null;
            }
            String text = UserText.oneLine(value.substring(separator + 1));
            if (text.isBlank() || text.length() > ExpertQuestion.MAX_TEXT) {
                return null;
            }
            List<String> sections = Arrays.stream(value.substring(0, separator).split(","))
                    .map(String::strip)
                    .filter(id -> !id.isEmpty() && charter.section(id, language).isPresent())
                    .distinct()
                    .limit(MAX_SECTIONS)
                    .toList();
            return new Offer(sections, text);
        }
    }

    private static String value(String text, List<String> sections) {
        String cut = text.length() <= ExpertQuestion.MAX_TEXT ? text : text.substring(0, ExpertQuestion.MAX_TEXT);
        return String.join(",", sections.stream().limit(MAX_SECTIONS).toList()) + SEPARATOR + cut;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String when(Instant at, Language language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale())
                .format(at.atZone(settings.zone()));
    }

    private static String quoted(String text, Language language) {
        return language == Language.FR ? "« " + text + " »" : "“" + text + "”";
    }

    private static Reply text(Language language, Reply.Delivery delivery, String text) {
        return Reply.of(language, delivery, List.of(new Block.Text(text)));
    }
}
