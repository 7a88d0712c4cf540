package com.charterbot.core.chat;

import com.charterbot.core.activity.ActivityLog;
import com.charterbot.core.activity.AnswerFeedback;
import com.charterbot.core.activity.StatsScope;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.Decision;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.CharterProblem;
import com.charterbot.core.charter.ReloadResult;
import com.charterbot.core.charter.Section;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.nudge.ChannelLabels;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeRequest;
import com.charterbot.core.nudge.NudgeSyntax;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStats;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.StatsReply;
import com.charterbot.core.stats.WeeklyCharts;
import com.charterbot.core.stats.WeeklyExport;
import com.charterbot.core.stats.WeeklyStats;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The administrators' part of the conversation: a channel's nudges, the awareness statistics, their charts and export, and reloading the charter. */
final class AdminConversation {

    /** Audit targets are bounded; platform ids are far shorter than this. */
    private static final int MAX_TARGET = 500;
    /** How many entries each list of the statistics shows. */
    private static final int TOP = 5;

    private static final Set<String> NOW = Set.of("now", "maintenant", "tout de suite");
    /** How many charter problems a rejected reload lists; the validate command lists them all. */
    static final int SHOWN_PROBLEMS = 10;
    /** A problem line longer than this is cut: it quotes a charter file, whose lines may be long. */
    private static final int MAX_PROBLEM = 300;

    private static final System.Logger LOG = System.getLogger(AdminConversation.class.getName());
    /** How long an export can be had again (Teams asks the person before it sends a file; they may answer later). */
    static final Duration EXPORT_KEPT = Duration.ofDays(30);

    private final Administration administration;
    private final ChannelNudges nudges;
    private final AnswerEngine answers;
    private final ActivityLog activity;
    private final Clock clock;
    private final Optional<ExpertsDesk> experts;

    AdminConversation(
            Administration administration,
            ChannelNudges nudges,
            AnswerEngine answers,
            ActivityLog activity,
            Clock clock,
            Optional<ExpertsDesk> experts) {
        this.administration = administration;
        this.nudges = nudges;
        this.answers = answers;
        this.activity = activity;
        this.clock = clock;
        this.experts = experts;
    }

    Reply nudges(Message message, String arguments, Language language, Reply.Delivery delivery) {
        Decision decision = administration.admin().authorize(message.user(), message.platformAdmin());
        if (decision instanceof Decision.Denied denied) {
            return AnswerReplies.text(language, delivery, denied.reason(language));
        }
        if (message.origin() == Message.Origin.DIRECT) {
            return AnswerReplies.text(language, delivery, Messages.get(language, "commands.nudges.direct"));
        }
        ChannelState current = channel(message, language);
        if (NOW.contains(arguments.strip().toLowerCase(Locale.ROOT))) {
            if (nudges.channels().find(message.conversation()).isEmpty()) {
                nudges.channels().save(current);
            }
            boolean queued = nudges.trigger().nudgeNow(message.conversation());
            if (queued) {
                administration
                        .admin()
                        .audited(
                                message.user(),
                                AdminActions.NUDGES_NOW,
                                bounded(message.conversation().key()),
                                "",
                                "");
            }
            return AnswerReplies.text(
                    language,
                    delivery,
                    Messages.get(language, queued ? "commands.nudges.now" : "commands.nudges.now-paused"));
        }
        NudgeRequest request = NudgeSyntax.interpret(arguments, current.settings());
        if (request instanceof NudgeRequest.Invalid invalid) {
            return Reply.of(
                    language,
                    delivery,
                    List.of(
                            new Block.Text(invalid.message(language)),
                            new Block.Context(Messages.get(language, NudgeSyntax.USAGE_KEY))));
        }
        if (request instanceof NudgeRequest.Change change) {
            ChannelState updated = current.withSettings(change.settings());
            if (updated.status() == ChannelState.Status.PAUSED
                    && updated.settings().enabled()) {
                // An administrator acting on a paused channel wants its nudges back ("nudges on").
                updated = updated.resumed();
            }
            if (!updated.equals(current)
                    || nudges.channels().find(message.conversation()).isEmpty()) {
                nudges.channels().save(updated);
                administration
                        .admin()
                        .audited(
                                message.user(),
                                AdminActions.NUDGES_CHANGE,
                                bounded(message.conversation().key()),
                                current.settings().describe(Language.EN),
                                updated.settings().describe(Language.EN));
            }
            return Reply.of(
                    language,
                    delivery,
                    List.of(
                            new Block.Text(Messages.get(language, "commands.nudges.updated")),
                            new Block.Checklist(
                                    Messages.get(language, "commands.nudges.current"),
                                    List.of(updated.settings().describe(language)))));
        }
        return Reply.of(
                language,
                delivery,
                List.of(
                        new Block.Checklist(
                                Messages.get(language, "commands.nudges.current"),
                                List.of(current.settings().describe(language))),
                        new Block.Context(Messages.get(language, NudgeSyntax.USAGE_KEY))));
    }

    /**
     * The statistics of the last {@code days} days, then, when anything happened in the last
     * {@value WeeklyStats#WEEKS} weeks, their charts with the same figures as text.
     */
    List<Reply> stats(Message message, int days, Language language, Reply.Delivery delivery) {
        Decision decision = administration.admin().authorize(message.user(), message.platformAdmin());
        if (decision instanceof Decision.Denied denied) {
            return List.of(AnswerReplies.text(language, delivery, denied.reason(language)));
        }
        administration.admin().audited(message.user(), AdminActions.STATS_VIEW, "last " + days + " days", "", "");
        StatsScope scope = scope(message.user(), message.alsoAdministers(), (Decision.Allowed) decision);
        Instant now = clock.instant();
        Instant periodStart = now.minus(Duration.ofDays(days));
        AwarenessStatsService.DaysAndWeeks counted = administration
                .stats()
                .lastDaysAndWeeks(days, WeeklyStats.WEEKS, nudges.defaults().zone(), now, scope);
        WeeklyStats weeks = counted.weeks();
        // One read of the failed deliveries for the period and the weeks.
        List<NudgeDelivery> failed =
                failedSince(periodStart.isBefore(weeks.from()) ? periodStart : weeks.from(), scope);
        List<NudgeDelivery> failedInPeriod = failed.stream()
                .filter(nudge -> !nudge.due().isBefore(periodStart))
                .toList();
        AwarenessStats stats = counted.days().withNudgesFailed(failedInPeriod.size());
        Reply report = StatsReply.render(
                stats, answers.charter(), language, nudges.defaults().zone());
        List<Block> blocks = new ArrayList<>(report.blocks());
        int insertAt = blocks.size() - 1; // before the closing privacy note
        List<Block> improvements = improvementBlocks(stats, failedInPeriod, language, scope);
        blocks.addAll(Math.max(insertAt, 0), improvements);
        blocks.add(
                Math.max(insertAt, 0) + improvements.size(), new Block.Context(scopeLabel(scope, message, language)));
        List<Reply> replies = new ArrayList<>(List.of(Reply.of(language, delivery, blocks)));
        WeeklyCharts.reply(
                        withFailures(weeks, failed, now),
                        answers.charter(),
                        language,
                        administration.charts(),
                        delivery)
                .ifPresent(replies::add);
        return replies;
    }

    /**
     * The CSV export of the last {@value WeeklyStats#WEEKS} weeks up to now, to the second: the action
     * that makes it again carries that second.
     */
    Reply export(Message message, Language language, Reply.Delivery delivery) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return export(message.user(), message.platformAdmin(), message.alsoAdministers(), now, language, delivery);
    }

    /**
     * The same CSV export again, for a platform that delivers it once the person accepted it; the
     * value is the end of the exported period (see {@link com.charterbot.core.reply.ActionIds#STATS_EXPORT}).
     */
    Reply exportAgain(ActionEvent action, String value, Language language) {
        Instant now = clock.instant();
        Instant until;
        try {
            until = Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | DateTimeException e) {
            until = null;
        }
        if (until == null || until.isAfter(now) || until.isBefore(now.minus(EXPORT_KEPT))) {
            return AnswerReplies.text(
                    language,
                    Reply.Delivery.PRIVATE,
                    Messages.get(language, "stats.export.expired", EXPORT_KEPT.toDays()));
        }
        return export(action.user(), action.platformAdmin(), Set.of(), until, language, Reply.Delivery.PRIVATE);
    }

    private Reply export(
            UserRef user,
            boolean platformAdmin,
            Set<String> alsoAdministers,
            Instant until,
            Language language,
            Reply.Delivery delivery) {
        Decision decision = administration.admin().authorize(user, platformAdmin);
        if (decision instanceof Decision.Denied denied) {
            return AnswerReplies.text(language, delivery, denied.reason(language));
        }
        administration
                .admin()
                .audited(user, AdminActions.STATS_EXPORT, WeeklyStats.WEEKS + " weeks until " + until, "", "");
        StatsScope scope = scope(user, alsoAdministers, (Decision.Allowed) decision);
        return WeeklyExport.reply(weeks(until, scope), until, answers.charter(), language, delivery);
    }

    /** The last {@value WeeklyStats#WEEKS} weeks up to {@code until} in the scope, with the nudge deliveries that failed. */
    private WeeklyStats weeks(Instant until, StatsScope scope) {
        WeeklyStats weeks = administration
                .stats()
                .weeks(WeeklyStats.WEEKS, nudges.defaults().zone(), until, scope);
        return withFailures(weeks, failedSince(weeks.from(), scope), until);
    }

    /** The weeks with those of the failed deliveries (in scope, due since at least their start) due in them before until. */
    private static WeeklyStats withFailures(WeeklyStats weeks, List<NudgeDelivery> failed, Instant until) {
        return weeks.withFailures(failed.stream()
                .map(NudgeDelivery::due)
                .filter(due -> !due.isBefore(weeks.from()) && due.isBefore(until))
                .toList());
    }

    private List<NudgeDelivery> failedSince(Instant since, StatsScope scope) {
        return nudges.deliveries().problems(since).stream()
                .filter(nudge -> nudge.status() == NudgeDelivery.Status.FAILED && scope.covers(nudge.channel()))
                .toList();
    }

    /**
     * What an administrator's statistics cover: everything for one named in the configuration (the
     * communications team), else their own workspace or tenant and the others the platform says
     * they administer (an Enterprise Grid org admin: the organization).
     */
    private static StatsScope scope(UserRef user, Set<String> alsoAdministers, Decision.Allowed decision) {
        if (Decision.Allowed.CONFIGURED.equals(decision.basis())) {
            return StatsScope.EVERYTHING;
        }
        Set<String> tenants = new java.util.HashSet<>(alsoAdministers);
        tenants.add(user.tenant());
        return StatsScope.of(user.platform(), tenants);
    }

    private static String scopeLabel(StatsScope scope, Message message, Language language) {
        if (scope.everything()) {
            return Messages.get(language, "commands.stats.scope.everything");
        }
        int tenants = scope.tenants().size();
        return tenants > 1
                ? Messages.get(language, "commands.stats.scope.organization", tenants)
                : Messages.get(
                        language,
                        message.user().platform() == Platform.SLACK
                                ? "commands.stats.scope.workspace"
                                : "commands.stats.scope.tenant");
    }

    /**
     * Reads the charter files again; the reply says what is served now, or lists the problems (at
     * most {@value #SHOWN_PROBLEMS}, each as {@code file:line: message}) that kept the charter in use.
     */
    Reply reload(Message message, Language language, Reply.Delivery delivery) {
        Decision decision = administration.admin().authorize(message.user(), message.platformAdmin());
        if (decision instanceof Decision.Denied denied) {
            return AnswerReplies.text(language, delivery, denied.reason(language));
        }
        ReloadResult result;
        try {
            result = administration.reload().reload();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reloading the charter failed", e);
            return AnswerReplies.text(language, delivery, Messages.get(language, "commands.reload.error"));
        }
        if (result instanceof ReloadResult.Reloaded reloaded) {
            administration
                    .admin()
                    .audited(
                            message.user(),
                            AdminActions.CHARTER_RELOAD,
                            "charter",
                            reloaded.previousVersion(),
                            reloaded.version());
            String key = reloaded.changed() ? "commands.reload.done" : "commands.reload.unchanged";
            return AnswerReplies.text(
                    language, delivery, Messages.get(language, key, reloaded.sections(), reloaded.version()));
        }
        if (result instanceof ReloadResult.Rejected rejected) {
            List<CharterProblem> problems = rejected.problems();
            administration
                    .admin()
                    .audited(
                            message.user(),
                            AdminActions.CHARTER_RELOAD,
                            "charter",
                            rejected.keptVersion(),
                            "rejected: " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            List<Block> blocks = new ArrayList<>();
            String rejectedKey = problems.size() == 1 ? "commands.reload.rejected.one" : "commands.reload.rejected";
            blocks.add(new Block.Text(Messages.get(language, rejectedKey, problems.size(), rejected.keptVersion())));
            blocks.add(new Block.Checklist(
                    Messages.get(language, "commands.reload.problems"),
                    problems.stream()
                            .limit(SHOWN_PROBLEMS)
                            .map(problem -> clip(problem.describe(language), MAX_PROBLEM))
                            .toList()));
            if (problems.size() > SHOWN_PROBLEMS) {
                blocks.add(new Block.Context(
                        Messages.get(language, "commands.reload.more", problems.size() - SHOWN_PROBLEMS)));
            }
            return Reply.of(language, delivery, blocks);
        }
        return AnswerReplies.text(language, delivery, Messages.get(language, "commands.reload.bundled"));
    }

    /**
     * What administrators can act on: questions the charter did not answer, unhelpful answers, the
     * period's failed deliveries (in scope, latest first), paused channels.
     */
    private List<Block> improvementBlocks(
            AwarenessStats stats, List<NudgeDelivery> failed, Language language, StatsScope scope) {
        List<Block> blocks = new ArrayList<>();
        List<String> unanswered =
                administration.unanswered().mostFrequent(stats.from(), stats.to(), TOP, scope).stream()
                        .map(q -> Messages.get(language, "commands.stats.unanswered-item", q.text(), q.count()))
                        .toList();
        if (!unanswered.isEmpty()) {
            blocks.add(new Block.Checklist(Messages.get(language, "commands.stats.unanswered"), unanswered));
        }
        experts.ifPresent(desk -> blocks.addAll(desk.statsBlocks(stats.from(), stats.to(), scope, language)));
        Map<String, Integer> unhelpful = new TreeMap<>();
        for (AnswerFeedback feedback : activity.feedback(stats.from(), stats.to())) {
            if (!feedback.helpful() && scope.covers(feedback.tenant())) {
                String title = feedback.sectionId() == null
                        ? Messages.get(language, "commands.stats.no-section")
                        : answers.charter()
                                .section(feedback.sectionId(), language)
                                .map(Section::title)
                                .orElse(feedback.sectionId());
                unhelpful.merge(title, 1, Integer::sum);
            }
        }
        if (!unhelpful.isEmpty()) {
            blocks.add(new Block.Checklist(
                    Messages.get(language, "commands.stats.unhelpful"),
                    unhelpful.entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue()
                                    .reversed())
                            .limit(TOP)
                            .map(e -> Messages.get(language, "commands.stats.count-item", e.getKey(), e.getValue()))
                            .toList()));
        }
        List<String> failures = failed.stream()
                .limit(TOP)
                .map(delivery -> Messages.get(
                        language, "commands.stats.paused-item", channelName(delivery.channel()), delivery.lastError()))
                .toList();
        if (!failures.isEmpty()) {
            blocks.add(new Block.Checklist(Messages.get(language, "commands.stats.failed"), failures));
        }
        List<String> paused = nudges.channels().paused().stream()
                .filter(channel -> scope.covers(channel.channel()))
                .map(channel -> Messages.get(
                        language,
                        "commands.stats.paused-item",
                        ChannelLabels.name(channel),
                        ChannelLabels.pauseReason(channel.pauseReason(), language)))
                .toList();
        if (!paused.isEmpty()) {
            blocks.add(new Block.Checklist(Messages.get(language, "commands.stats.paused"), paused));
        }
        return blocks;
    }

    private String channelName(ChannelRef channel) {
        return nudges.channels()
                .find(channel)
                .map(ChannelState::name)
                .filter(name -> !name.isBlank())
                .orElse(channel.channelId());
    }

    private static String bounded(String text) {
        return clip(text, MAX_TARGET);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The channel's state, or the defaults of a channel the bot has not registered yet. */
    ChannelState channel(Message message, Language language) {
        return nudges.channels()
                .find(message.conversation())
                .orElseGet(() -> ChannelState.of(message.conversation(), "", nudges.defaults()));
    }
}
