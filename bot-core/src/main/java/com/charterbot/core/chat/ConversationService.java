package com.charterbot.core.chat;

import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.InputIssue;
import com.charterbot.core.answer.Question;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.check.Draft;
import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelLabels;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform-neutral conversation: reads commands and questions, runs them against the charter,
 * quizzes, tips, nudges and statistics, and says everything in the user's language.
 */
public final class ConversationService implements Converse {

    private static final DateTimeFormatter DUE_FORMAT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT);

    private final EmployeeServices employees;

    private final PersonalRecords people;

    private final Optional<ExpertsDesk> experts;

    private final Optional<PhrasingReview> phrasings;

    private final UnansweredQuestions unanswered;

    private final Clock clock;

    private final AdminConversation admin;

    private final PhotoChecklist photos;

    /**
     * @param nudges what {@code settings} shows of a channel's nudges, and what administrators change with {@code nudges}
     * @param team the communications team's desks, where it has them; {@link CommunicationsTeam#NONE} elsewhere
     */
    public ConversationService(
            EmployeeServices employees,
            PersonalRecords people,
            ChannelNudges nudges,
            Administration administration,
            CommunicationsTeam team,
            Clock clock) {
        this.employees = Objects.requireNonNull(employees, "employees");
        this.people = Objects.requireNonNull(people, "people");
        this.experts = Objects.requireNonNull(team, "team").experts();
        this.phrasings = team.phrasings();
        this.unanswered =
                Objects.requireNonNull(administration, "administration").unanswered();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.admin = new AdminConversation(
                administration,
                Objects.requireNonNull(nudges, "nudges"),
                employees.answers(),
                people.activity(),
                clock,
                experts);
        this.photos = new PhotoChecklist(employees.answers());
    }

    @Override
    public List<Reply> onMessage(Message message) {
        return tagged(reply(message));
    }

    @Override
    public List<Reply> onDraft(Message draft) {
        Optional<Language> asked = people.languages().find(draft.user()).or(draft::platformLanguage);
        return tagged(List.of(checkDraft(draft, draft.text(), asked)));
    }

    @Override
    public List<Reply> onAction(ActionEvent action) {
        TaggedValue tagged = TaggedValue.read(action.value());
        Optional<Language> clicked = tagged.language().or(action::platformLanguage);
        String value = tagged.value();
        Language language = people.languages()
                .find(action.user())
                .or(() -> clicked)
                .orElse(employees.answers().defaultLanguage());
        return tagged(act(action, value, language));
    }

    private List<Reply> reply(Message message) {
        Command command = CommandParser.parse(message.text());
        if (command instanceof Command.Ask ask) {
            Reply answer = ask(message, ask.question());
            if (!message.imageAttached()) {
                return List.of(answer);
            }
            List<Reply> replies = new ArrayList<>(List.of(answer));
            photos.reply(answer.language(), shared(message), citedSection(answer))
                    .ifPresent(replies::add);
            return replies;
        }
        Language language = people.languages()
                .find(message.user())
                .or(command::wordLanguage)
                .or(message::platformLanguage)
                .orElse(employees.answers().defaultLanguage());
        Reply.Delivery personal =
                message.origin() == Message.Origin.DIRECT ? Reply.Delivery.CONVERSATION : Reply.Delivery.PRIVATE;
        if (message.imageAttached()
                && (command instanceof Command.SmallTalk
                        || command instanceof Command.Help && message.text().isBlank())) {
            // A photo sent with nothing to ask, or with a mere "hi": what to check before posting it.
            Optional<Reply> checklist = photos.reply(language, shared(message), Optional.empty());
            if (checklist.isPresent()) {
                return List.of(checklist.get());
            }
        }
        if (command instanceof Command.SmallTalk talk) {
            return List.of(smallTalk(talk, language, shared(message)));
        } else if (command instanceof Command.Help) {
            return List.of(help(language, shared(message)));
        } else if (command instanceof Command.StartQuiz) {
            return List.of(employees.quiz().start(message.user(), language));
        } else if (command instanceof Command.ShowTip) {
            return List.of(employees.tips().next(message.conversation(), language, shared(message)));
        } else if (command instanceof Command.SetLanguage set) {
            people.languages().save(message.user(), set.language());
            String name = Messages.get(
                    set.language(), "commands.language." + set.language().tag());
            return List.of(AnswerReplies.text(
                    set.language(), personal, Messages.get(set.language(), "commands.lang.set", name)));
        } else if (command instanceof Command.Settings) {
            return List.of(settings(message, language, personal));
        } else if (command instanceof Command.Home) {
            return List.of(home(message, language, personal));
        } else if (command instanceof Command.Nudges nudges) {
            return List.of(admin.nudges(message, nudges.arguments(), language, personal));
        } else if (command instanceof Command.Stats stats) {
            return admin.stats(message, stats.days(), language, personal);
        } else if (command instanceof Command.StatsExport) {
            return List.of(admin.export(message, language, personal));
        } else if (command instanceof Command.Reload) {
            return List.of(admin.reload(message, language, personal));
        } else if (command instanceof Command.ExpertsChannel) {
            return List.of(experts.map(desk -> desk.channelHere(
                            message.user(),
                            message.platformAdmin(),
                            message.conversation(),
                            message.origin() == Message.Origin.DIRECT,
                            language,
                            personal))
                    .orElseGet(() -> AnswerReplies.text(
                            language,
                            personal,
                            Messages.get(
                                    language,
                                    "experts.unavailable",
                                    employees.answers().charter().settings().communicationsContact()))));
        } else if (command instanceof Command.Phrasings) {
            return List.of(phrasings
                    .map(review -> review.review(message.user(), message.platformAdmin(), language, personal))
                    .orElseGet(() -> AnswerReplies.text(language, personal, Messages.get(language, "phrasings.none"))));
        } else if (command instanceof Command.ForgetMe) {
            forget(message.user());
            return List.of(AnswerReplies.text(language, personal, Messages.get(language, "commands.forget.done")));
        } else if (command instanceof Command.Check check) {
            return List.of(checkDraft(
                    message,
                    check.draft(),
                    people.languages().find(message.user()).or(check::wordLanguage)));
        } else if (command instanceof Command.Invalid invalid) {
            return List.of(AnswerReplies.text(
                    language,
                    personal,
                    Messages.get(
                            language, invalid.messageKey(), invalid.arguments().toArray())));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    private List<Reply> act(ActionEvent action, String value, Language language) {
        Optional<List<Reply>> desk = experts.flatMap(e -> e.act(action, value, language))
                .or(() -> phrasings.flatMap(review -> review.act(action, value, language)));
        if (desk.isPresent()) {
            return desk.get();
        }
        return switch (action.actionId()) {
            case ActionIds.QUIZ_START -> List.of(employees.quiz().start(action.user(), language));
            case ActionIds.QUIZ_ANSWER -> employees.quiz().answer(action.user(), value, language);
            case ActionIds.QUIZ_VIEW -> List.of(employees.quiz().view(action.user(), value, language));
            case ActionIds.CHANNEL_QUIZ_ANSWER ->
                employees.channelQuiz().answer(action.user(), action.conversation(), value, language);
            case ActionIds.CHANNEL_QUIZ_VIEW ->
                List.of(employees.channelQuiz().view(action.user(), action.conversation(), value, language));
            case ActionIds.TIP_NEXT ->
                List.of(employees.tips().next(action.conversation(), language, Reply.Delivery.PRIVATE));
            case ActionIds.OPEN_SECTION -> List.of(openSection(value, language));
            case ActionIds.FEEDBACK_HELPFUL -> feedback(action.user(), value, true, language);
            case ActionIds.FEEDBACK_NOT_HELPFUL -> feedback(action.user(), value, false, language);
            case ActionIds.STATS_EXPORT -> List.of(admin.exportAgain(action, value, language));
            default -> List.of(unknownAction(language));
        };
    }

    /**
     * Prefixes every button value with the reply's language ({@code fr~...}), so that a click on a
     * French reply is answered in French even when the person never chose a language.
     */
    private static List<Reply> tagged(List<Reply> replies) {
        List<Reply> result = new ArrayList<>(replies.size());
        for (Reply reply : replies) {
            Language tag = reply.language();
            List<Block> blocks = new ArrayList<>(reply.blocks().size());
            for (Block block : reply.blocks()) {
                if (block instanceof Block.Buttons buttons) {
                    blocks.add(new Block.Buttons(withTag(buttons.buttons(), tag)));
                } else if (block instanceof Block.Suggestions suggestions) {
                    blocks.add(new Block.Suggestions(suggestions.label(), withTag(suggestions.buttons(), tag)));
                } else if (block instanceof Block.AlsoApplies also) {
                    blocks.add(new Block.AlsoApplies(
                            also.label(),
                            also.points().stream()
                                    .map(p -> new Block.AlsoApplies.Point(
                                            p.title(),
                                            p.text(),
                                            withTag(List.of(p.open()), tag).get(0)))
                                    .toList()));
                } else if (block instanceof Block.Form form) {
                    blocks.add(new Block.Form(
                            form.title(),
                            form.intro(),
                            form.fields(),
                            withTag(List.of(form.submit()), tag).get(0),
                            form.cancelLabel()));
                } else if (block instanceof Block.File file && file.again().isPresent()) {
                    blocks.add(new Block.File(
                            file.description(),
                            file.fileName(),
                            file.mediaType(),
                            file.content(),
                            Optional.of(
                                    withTag(List.of(file.again().get()), tag).get(0))));
                } else {
                    blocks.add(block);
                }
            }
            Optional<Button> view =
                    reply.view().map(button -> withTag(List.of(button), tag).get(0));
            result.add(new Reply(reply.language(), reply.delivery(), blocks, reply.fallbackText(), view));
        }
        return result;
    }

    private static List<Button> withTag(List<Button> buttons, Language tag) {
        return buttons.stream()
                .map(b -> TaggedValue.isTagged(b.value())
                        ? b
                        : new Button(b.actionId(), TaggedValue.tag(tag, b.value()), b.label(), b.style()))
                .toList();
    }

    private Reply ask(Message message, String text) {
        phrasings.ifPresent(PhrasingReview::refreshIfDue);
        Optional<Language> preferred = people.languages().find(message.user());
        Answer answer = employees.answers().answer(new Question(text, preferred, message.platformLanguage()));
        if (answer.issue() == InputIssue.NONE) {
            String sectionId = answer.citation() != null
                    ? answer.citation().sectionId()
                    : answer.suggestions().isEmpty()
                            ? null
                            : answer.suggestions().get(0).sectionId();
            String tenant = message.user().tenantKey();
            people.activity()
                    .record(new QuestionAsked(
                            clock.instant(), answer.replyLanguage(), answer.tier(), sectionId, tenant));
            if (answer.tier() == Tier.FALLBACK) {
                unanswered.record(clock.instant(), answer.replyLanguage(), text, tenant);
            }
        }
        Optional<Button> offer = answer.issue() == InputIssue.NONE
                ? experts.flatMap(
                        desk -> desk.offer(message.user(), text, answer.shownSectionIds(), answer.replyLanguage()))
                : Optional.empty();
        // The question travels with "not helpful" (to send it to the team) and "did you mean" (to learn from the
        // choice).
        Optional<String> question =
                offer.isPresent() || phrasings.isPresent() ? Optional.of(UserText.oneLine(text)) : Optional.empty();
        Reply reply = AnswerReplies.answer(answer, shared(message), question);
        if (offer.isEmpty() || answer.tier() == Tier.ANSWER) {
            return reply;
        }
        // No answer, or only "did you mean": the communications team may know.
        List<Block> blocks = new ArrayList<>(reply.blocks());
        blocks.add(new Block.Buttons(List.of(offer.get())));
        return Reply.of(reply.language(), reply.delivery(), blocks);
    }

    /**
     * The charter's findings on a draft, for the person alone (privately, or in their direct
     * conversation with the bot). The draft goes no further than the checker.
     *
     * @param language the reply language the person gave (preference, command word, shortcut); else the draft's own
     */
    private Reply checkDraft(Message message, String text, Optional<Language> language) {
        // A message of exactly the kept length was most likely cut on its way in.
        boolean cut = message.text().length() >= UserText.MAX_CHARS;
        Draft draft = new Draft(text, language, message.platformLanguage(), message.imageAttached(), cut);
        Reply.Delivery delivery =
                message.origin() == Message.Origin.DIRECT ? Reply.Delivery.CONVERSATION : Reply.Delivery.PRIVATE;
        return DraftReplies.report(employees.drafts().check(draft), delivery);
    }

    private Reply help(Language language, Reply.Delivery delivery) {
        String company = employees.answers().charter().settings().companyName();
        List<String> commands =
                List.of(Messages.get(language, "commands.help.commands").split("\n"));
        return Reply.of(
                language,
                delivery,
                List.of(
                        new Block.Heading(Messages.get(language, "commands.help.title")),
                        new Block.Text(Messages.get(language, "commands.help.text", company)),
                        new Block.Checklist(Messages.get(language, "commands.help.commands-label"), commands),
                        new Block.Buttons(List.of(new Button(
                                ActionIds.QUIZ_START,
                                "",
                                Messages.get(language, "commands.quiz.start"),
                                Button.Style.PRIMARY)))));
    }

    /** A short greeting, thanks or introduction, then the help: what small talk deserves instead of a charter search. */
    private Reply smallTalk(Command.SmallTalk talk, Language language, Reply.Delivery delivery) {
        String company = employees.answers().charter().settings().companyName();
        String key = switch (talk.kind()) {
            case GREETING -> "commands.smalltalk.greeting";
            case THANKS -> "commands.smalltalk.thanks";
            case WHO -> "commands.smalltalk.who";
            case WHAT -> "commands.smalltalk.what";
        };
        Reply help = help(language, delivery);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(Messages.get(language, key, company)));
        blocks.addAll(help.blocks());
        return Reply.of(language, delivery, blocks);
    }

    /** The section an answer cites, if it cites one. */
    private static Optional<String> citedSection(Reply answer) {
        return answer.blocks().stream()
                .filter(Block.CitedSection.class::isInstance)
                .map(block -> ((Block.CitedSection) block).sectionId())
                .findFirst();
    }

    /** The person's own page, as the platform's home shows it, sent as a reply: it is theirs alone. */
    private Reply home(Message message, Language language, Reply.Delivery delivery) {
        Reply page = employees.home().home(message.user(), message.platformAdmin(), Optional.of(language));
        return new Reply(page.language(), delivery, page.blocks(), page.fallbackText(), page.view());
    }

    private Reply settings(Message message, Language language, Reply.Delivery delivery) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "commands.settings.title")));
        Optional<Language> chosen = people.languages().find(message.user());
        blocks.add(new Block.Text(chosen.map(l -> Messages.get(
                        language,
                        "commands.settings.language.chosen",
                        Messages.get(language, "commands.language." + l.tag())))
                .orElseGet(() -> Messages.get(language, "commands.settings.language.auto"))));
        if (message.origin() == Message.Origin.DIRECT) {
            blocks.add(new Block.Context(Messages.get(language, "commands.settings.direct")));
        } else {
            ChannelState channel = admin.channel(message, language);
            List<String> lines = new ArrayList<>();
            lines.add(channel.settings().describe(language));
            if (channel.status() == ChannelState.Status.PAUSED) {
                lines.add(Messages.get(
                        language,
                        "commands.settings.paused",
                        ChannelLabels.pauseReason(channel.pauseReason(), language)));
            } else {
                channel.nextDue(clock)
                        .ifPresent(due -> lines.add(Messages.get(
                                language,
                                "commands.settings.next-due",
                                DUE_FORMAT
                                        .withLocale(language.locale())
                                        .format(due.atZone(channel.settings().zone())))));
            }
            blocks.add(new Block.Checklist(Messages.get(language, "commands.settings.channel-label"), lines));
            blocks.add(new Block.Context(Messages.get(language, "commands.settings.admin-hint")));
        }
        return Reply.of(language, delivery, blocks);
    }

    /** A section opened; value: its id, then {@code |} and the question when it was a "did you mean" (a signal for phrasings). */
    private Reply openSection(String value, Language language) {
        int separator = value.indexOf(AnswerReplies.FEEDBACK_SEPARATOR);
        String sectionId = separator < 0 ? value : value.substring(0, separator);
        if (separator >= 0) {
            phrasings.ifPresent(review -> review.seen(value.substring(separator + 1), sectionId, language));
        }
        Charter charter = employees.answers().charter();
        return charter.section(sectionId, language)
                .filter(section -> !section.isNotCovered())
                .map(section -> AnswerReplies.section(charter, section, Reply.Delivery.PRIVATE))
                .orElseGet(() -> unknownAction(language));
    }

    private List<Reply> feedback(UserRef user, String value, boolean helpful, Language language) {
        int separator = value.indexOf(AnswerReplies.FEEDBACK_SEPARATOR);
        Tier tier = separator < 0 ? null : tierNamed(value.substring(0, separator));
        if (tier == null) {
            return List.of(unknownAction(language));
        }
        String rest = value.substring(separator + 1);
        int questionAt = rest.indexOf(AnswerReplies.FEEDBACK_SEPARATOR);
        String sectionId = questionAt < 0 ? rest : rest.substring(0, questionAt);
        String question = questionAt < 0 ? "" : rest.substring(questionAt + 1);
        boolean known = sectionId.isEmpty()
                || employees.answers().charter().section(sectionId, language).isPresent();
        people.activity()
                .record(new AnswerFeedback(
                        clock.instant(),
                        language,
                        tier,
                        known && !sectionId.isEmpty() ? sectionId : null,
                        helpful,
                        user.tenantKey()));
        String text = helpful
                ? Messages.get(language, "commands.feedback.thanks")
                : Messages.get(
                        language,
                        "commands.feedback.sorry",
                        employees.answers().charter().settings().communicationsContact());
        Optional<Button> offer = helpful || question.isBlank()
                ? Optional.empty()
                : experts.flatMap(desk -> desk.offer(
                        user, question, known && !sectionId.isEmpty() ? List.of(sectionId) : List.of(), language));
        List<Button> instead = helpful || question.isBlank() || phrasings.isEmpty()
                ? List.of()
                : otherSections(question, sectionId, language);
        if (offer.isPresent() || !instead.isEmpty()) {
            List<Block> blocks = new ArrayList<>(List.of(new Block.Text(text)));
            if (!instead.isEmpty()) {
                // The section the person opens instead is a suggested phrasing of it.
                blocks.add(new Block.Suggestions(Messages.get(language, "label.did-you-mean"), instead));
            }
            offer.ifPresent(button -> blocks.add(new Block.Buttons(List.of(button))));
            return List.of(Reply.of(language, Reply.Delivery.PRIVATE, blocks));
        }
        return List.of(AnswerReplies.text(language, Reply.Delivery.PRIVATE, text));
    }

    /** The other sections the answer to this question showed, to open instead, each carrying the question. */
    private List<Button> otherSections(String question, String cited, Language language) {
        Answer again = employees.answers().answer(new Question(question, Optional.of(language), Optional.empty()));
        Charter charter = employees.answers().charter();
        return again.shownSectionIds().stream()
                .filter(id -> !id.equals(cited))
                .distinct()
                .flatMap(id -> charter.section(id, language).stream())
                .filter(section -> !section.isNotCovered())
                .map(section -> Button.of(
                        ActionIds.OPEN_SECTION,
                        section.id() + AnswerReplies.FEEDBACK_SEPARATOR + question,
                        section.title()))
                .toList();
    }

    private static Tier tierNamed(String name) {
        for (Tier tier : Tier.values()) {
            if (tier.name().equals(name)) {
                return tier;
            }
        }
        return null;
    }

    private void forget(UserRef user) {
        people.quizData().forget(user);
        people.activity().forget(user);
        people.languages().forget(user);
        experts.ifPresent(desk -> desk.forget(user));
    }

    private static Reply unknownAction(Language language) {
        return AnswerReplies.text(language, Reply.Delivery.PRIVATE, Messages.get(language, "commands.action.unknown"));
    }

    /** Answers and tips go where the message was written: privately for a slash command, in the conversation otherwise. */
    private static Reply.Delivery shared(Message message) {
        return message.origin() == Message.Origin.COMMAND ? Reply.Delivery.PRIVATE : Reply.Delivery.CONVERSATION;
    }
}
