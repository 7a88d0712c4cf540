package com.charterbot.core.phrasing;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.Decision;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.Section;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Active learning: real questions become candidate phrasings of the section people chose for them,
 * administrators approve, reject or move them in chat, and the approved ones are added to the
 * charter in use (an overlay, see {@link AnswerEngine#overlay}) on every replica: each reads the
 * approved list again at most every {@code refreshEvery}, the one that approved at once.
 */
public final class PhrasingReview {

    /** Form field: the section a candidate moves to. */
    public static final String SECTION = "section";
    /** How many candidates a review shows. */
    public static final int SHOWN = 5;
    /** Slack's static selects hold at most 100 options. */
    private static final int MAX_OPTIONS = 100;

    private final AnswerEngine engine;
    private final PhrasingCandidates candidates;
    private final AdminActions admin;
    private final Clock clock;
    private final Duration refreshEvery;
    private volatile Instant refreshed = Instant.MIN;
    private volatile List<Candidate> applied = List.of();

    public PhrasingReview(
            AnswerEngine engine,
            PhrasingCandidates candidates,
            AdminActions admin,
            Clock clock,
            Duration refreshEvery) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.candidates = Objects.requireNonNull(candidates, "candidates");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshEvery = Objects.requireNonNull(refreshEvery, "refreshEvery");
    }

    /** A signal: someone asked {@code question} and chose (or an expert named) this section. Kept without any user id. */
    public void seen(String question, String sectionId, Language language) {
        String text = UserText.oneLine(question == null ? "" : question);
        if (text.isBlank() || text.length() > Candidate.MAX_TEXT) {
            return;
        }
        if (engine.charter()
                .section(sectionId, language)
                .filter(s -> !s.isNotCovered())
                .isEmpty()) {
            return;
        }
        candidates.seen(text, sectionId, language, clock.instant());
    }

    /** The overlay again, when {@code refreshEvery} has passed since it was last read. */
    public void refreshIfDue() {
        if (clock.instant().isAfter(refreshed.plus(refreshEvery))) {
            refresh();
        }
    }

    /** Reads the approved phrasings and, when they changed, indexes the charter again with them. */
    public synchronized void refresh() {
        refreshed = clock.instant();
        List<Candidate> approved = candidates.approved();
        if (approved.equals(applied)) {
            return;
        }
        Map<Language, Map<String, List<String>>> overlay = new EnumMap<>(Language.class);
        for (Candidate c : approved) {
            overlay.computeIfAbsent(c.language(), l -> new LinkedHashMap<>())
                    .computeIfAbsent(c.sectionId(), id -> new ArrayList<>())
                    .add(c.text());
        }
        engine.overlay(overlay);
        applied = approved;
    }

    /** {@code phrasings} / {@code formulations}: the most seen candidates, each with Approve, Reject and Move to section. */
    public Reply review(UserRef user, boolean platformAdmin, Language language, Reply.Delivery delivery) {
        Decision decision = admin.authorize(user, platformAdmin);
        if (decision instanceof Decision.Denied denied) {
            return Reply.of(language, delivery, List.of(new Block.Text(denied.reason(language))));
        }
        return list(language, delivery);
    }

    private Reply list(Language language, Reply.Delivery delivery) {
        return Reply.of(language, delivery, pendingBlocks(language));
    }

    /**
     * The review as blocks, for the command's reply and for an administrator's home page: a heading, then
     * the {@value #SHOWN} most seen pending candidates, each with Approve, Reject and Move to section, or a
     * line saying there is none. Deciding who may see them is the caller's business.
     *
     * <p>The buttons' values carry {@code language} ({@link TaggedValue}): a home page is not a conversation's
     * reply, which would tag them, and a click on it must be answered in the page's language.
     */
    public List<Block> pendingBlocks(Language language) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(Messages.get(language, "phrasings.title")));
        List<Candidate> pending = candidates.pending(SHOWN);
        if (pending.isEmpty()) {
            blocks.add(new Block.Text(Messages.get(language, "phrasings.none")));
            return blocks;
        }
        blocks.add(new Block.Context(Messages.get(language, "phrasings.intro")));
        Charter charter = engine.charter();
        for (Candidate c : pending) {
            String title = charter.section(c.sectionId(), c.language())
                    .map(Section::title)
                    .orElse(c.sectionId());
            blocks.add(new Block.Quoted(
                    Messages.get(
                            language,
                            "phrasings.item",
                            title,
                            c.count(),
                            Messages.get(
                                    language,
                                    "commands.language." + c.language().tag())),
                    List.of(quoted(c.text(), language))));
            String id = TaggedValue.tag(language, Long.toString(c.id()));
            blocks.add(new Block.Buttons(List.of(
                    new Button(
                            ActionIds.PHRASING_APPROVE,
                            id,
                            Messages.get(language, "phrasings.approve"),
                            Button.Style.PRIMARY),
                    Button.of(ActionIds.PHRASING_REJECT, id, Messages.get(language, "phrasings.reject")),
                    Button.of(ActionIds.PHRASING_MOVE, id, Messages.get(language, "phrasings.move")))));
        }
        return blocks;
    }

    /** What a click on a review's buttons gives; empty when the action is not a review's. */
    public Optional<List<Reply>> act(ActionEvent action, String value, Language language) {
        String actionId = action.actionId();
        if (!actionId.startsWith("charter.phrasing.")) {
            return Optional.empty();
        }
        Decision decision = admin.authorize(action.user(), action.platformAdmin());
        if (decision instanceof Decision.Denied denied) {
            return Optional.of(List.of(
                    Reply.of(language, Reply.Delivery.PRIVATE, List.of(new Block.Text(denied.reason(language))))));
        }
        Optional<Candidate> found =
                parse(value).flatMap(candidates::find).filter(c -> c.status() == Candidate.Status.PENDING);
        if (found.isEmpty()) {
            return Optional.of(List.of(note(language, "phrasings.gone")));
        }
        Candidate candidate = found.get();
        return Optional.of(
                switch (actionId) {
                    case ActionIds.PHRASING_APPROVE ->
                        decide(action.user(), candidate, Candidate.Status.APPROVED, candidate.sectionId(), language);
                    case ActionIds.PHRASING_REJECT ->
                        decide(action.user(), candidate, Candidate.Status.REJECTED, candidate.sectionId(), language);
                    case ActionIds.PHRASING_MOVE -> List.of(moveForm(candidate, language));
                    case ActionIds.PHRASING_MOVE_SUBMIT -> {
                        String section =
                                action.inputs().getOrDefault(SECTION, "").strip();
                        yield engine.charter()
                                        .section(section, candidate.language())
                                        .filter(s -> !s.isNotCovered())
                                        .isPresent()
                                ? decide(action.user(), candidate, Candidate.Status.APPROVED, section, language)
                                : List.of(note(language, "phrasings.no-section"));
                    }
                    default -> List.of(note(language, "phrasings.gone"));
                });
    }

    private List<Reply> decide(
            UserRef who, Candidate candidate, Candidate.Status status, String sectionId, Language language) {
        if (!candidates.decide(candidate.id(), status, sectionId, clock.instant())) {
            return List.of(note(language, "phrasings.gone"));
        }
        String action =
                status == Candidate.Status.APPROVED ? AdminActions.PHRASING_APPROVE : AdminActions.PHRASING_REJECT;
        admin.audited(who, action, candidate.language().tag() + ":" + sectionId, "", candidate.text());
        if (status == Candidate.Status.APPROVED) {
            refresh();
        }
        String key = status == Candidate.Status.APPROVED ? "phrasings.approved" : "phrasings.rejected";
        String title = engine.charter()
                .section(sectionId, candidate.language())
                .map(Section::title)
                .orElse(sectionId);
        return List.of(
                note(language, key, quoted(candidate.text(), language), title),
                list(language, Reply.Delivery.REPLACE_ORIGINAL));
    }

    private Reply moveForm(Candidate candidate, Language language) {
        List<Button> sections = engine.charter().sections(candidate.language()).stream()
                .filter(s -> !s.isNotCovered())
                .limit(MAX_OPTIONS)
                .map(s -> Button.of(ActionIds.OPEN_SECTION, s.id(), s.title()))
                .toList();
        return Reply.of(
                language,
                Reply.Delivery.PRIVATE,
                List.of(new Block.Form(
                        Messages.get(language, "phrasings.move.title"),
                        quoted(candidate.text(), language),
                        List.of(new Block.Form.Field(
                                SECTION, Messages.get(language, "phrasings.move.field"), sections, false, 200)),
                        new Button(
                                ActionIds.PHRASING_MOVE_SUBMIT,
                                Long.toString(candidate.id()),
                                Messages.get(language, "phrasings.approve"),
                                Button.Style.PRIMARY),
                        Messages.get(language, "experts.form.cancel"))));
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Reply note(Language language, String key, Object... arguments) {
        return Reply.of(
                language, Reply.Delivery.PRIVATE, List.of(new Block.Text(Messages.get(language, key, arguments))));
    }

    private static String quoted(String text, Language language) {
        return language == Language.FR ? "« " + text + " »" : "“" + text + "”";
    }
}
