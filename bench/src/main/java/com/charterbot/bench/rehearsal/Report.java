package com.charterbot.bench.rehearsal;

import com.charterbot.bench.load.AppProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What a run showed: requests by kind and by time window (steady, kill, database cut), bad input,
 * nudges per channel with the causes of any duplicate, recovery times, the platform calls, the
 * instances' warnings, and each target met or missed. Prints it; the last line is
 * {@link #lastLine()}.
 */
final class Report {

    /** Why a channel got more than one nudge. */
    enum DuplicateCause {
        /** Its delivery was picked by the killed instance: sent, then revived and sent again. */
        IN_FLIGHT_AT_KILL,
        /** An earlier send was answered after the client's timeout: the platform had it, the app retried. */
        LATE_ANSWER,
        /** It was sent while the database was cut: sent, not recorded, sent again. */
        DATABASE_CUT,
        /** None of the above. */
        UNEXPLAINED
    }

    /** How long after its answer a request's reply may still be on its way. */
    private static final long REPLY_WORK = TimeUnit.SECONDS.toNanos(2);

    private final Settings settings;
    private final Timeline timeline;
    private final List<Ledger.Outcome> outcomes;
    private final Receipts receipts;
    private final Sightings sightings;
    private final Set<String> inFlightAtKill;
    private final List<Replica> replicas;
    private final Map<String, Integer> deliveriesByStatus;
    private final List<String> unsent;
    private final Instant[] sentSpan;
    private final MicrosoftLogin login;
    private final CuttableProxy proxy;
    private final long grace;

    private long ok;
    private long errors;
    private String p99 = "-";
    private long sent;
    private long duplicated;
    private long lost;
    private long forgedAccepted;
    private final SlowClients slowClients;
    private int inFlightTwice;
    private Map<DuplicateCause, Integer> duplicateCauses = Map.of();

    Report(
            Settings settings,
            Timeline timeline,
            List<Ledger.Outcome> outcomes,
            Receipts receipts,
            Sightings sightings,
            Set<String> inFlightAtKill,
            List<Replica> replicas,
            Map<String, Integer> deliveriesByStatus,
            List<String> unsent,
            Instant[] sentSpan,
            MicrosoftLogin login,
            CuttableProxy proxy,
            SlowClients slowClients) {
        this.settings = settings;
        this.timeline = timeline;
        this.outcomes = outcomes;
        this.receipts = receipts;
        this.sightings = sightings;
        this.inFlightAtKill = inFlightAtKill;
        this.replicas = replicas;
        this.deliveriesByStatus = deliveriesByStatus;
        this.unsent = unsent;
        this.sentSpan = sentSpan;
        this.login = login;
        this.proxy = proxy;
        this.slowClients = slowClients;
        this.grace = settings.grace().toNanos();
    }

    /**
     * The window a request falls in: a fault window when it overlaps it, counting for a request whose
     * reply comes later (a quiz click on Slack) the {@link #REPLY_WORK} the instance still had to do.
     */
    private String window(Ledger.Outcome outcome) {
        long end = outcome.endNanos() + (outcome.planned().kind().replyExpected() ? REPLY_WORK : 0);
        if (timeline.inCutWindow(outcome.intendedNanos(), end, grace)) {
            return "database cut";
        }
        if (timeline.inKillWindow(outcome.intendedNanos(), end, grace)) {
            return "kill";
        }
        return "steady";
    }

    /** Prints everything; returns 0 when every target is met, else 1. */
    int print() {
        List<String> missed = new ArrayList<>();
        System.out.println();
        System.out.println("== Requests ==");
        requests();
        System.out.println();
        System.out.println("== Bad input ==");
        badInput();
        System.out.println();
        System.out.println("== Nudges ==");
        nudges();
        System.out.println();
        System.out.println("== Faults and recovery ==");
        recovery();
        System.out.println();
        System.out.println("== Platform stubs ==");
        sightings.calls().forEach((call, count) -> System.out.println("  " + count + " x " + call));
        System.out.println("  Microsoft login: " + login.tokensIssued() + " token(s) issued; " + login.tunnelSummary());
        System.out.println("  database proxy: " + proxy.accepted() + " connection(s) passed, " + proxy.refused()
                + " refused during the cut");
        System.out.println();
        System.out.println("== Instances' logs ==");
        logs();
        System.out.println();
        System.out.println("== Targets ==");
        targets(missed);
        return missed.isEmpty() ? 0 : 1;
    }

    String lastLine() {
        return String.format(
                Locale.ROOT,
                "rehearsal: requests=%d ok=%d errors=%d p99_ms=%s nudges_expected=%d sent=%d duplicated=%d lost=%d forged_accepted=%d",
                outcomes.size(),
                ok,
                errors,
                p99,
                receipts.expected().size(),
                sent,
                duplicated,
                lost,
                forgedAccepted);
    }

    // ----- requests -----

    private void requests() {
        ok = count(o -> o.verdict() == Kind.Verdict.OK);
        errors = count(o -> o.verdict() == Kind.Verdict.SERVER_ERROR || o.verdict() == Kind.Verdict.NO_ANSWER);
        double seconds = (timeline.windowEnd - timeline.windowStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%d requests in %.0f s (%d genuine, %d forged, %d malformed) over %d instances: %d answered correctly,"
                        + " %d server errors or no answer, %d wrong answers%n",
                outcomes.size(),
                seconds,
                count(o -> o.planned().kind().role == Kind.Role.GENUINE),
                count(o -> o.planned().kind().role == Kind.Role.FORGED),
                count(o -> o.planned().kind().role == Kind.Role.MALFORMED),
                replicas.size(),
                ok,
                errors,
                count(o -> o.verdict() == Kind.Verdict.WRONG));
        System.out.printf(
                Locale.ROOT,
                "  %-24s %6s %6s %6s %5s %6s %9s %9s%n",
                "kind",
                "n",
                "ok",
                "wrong",
                "5xx",
                "none",
                "p50 ms",
                "p99 ms");
        Map<Kind, List<Ledger.Outcome>> byKind = new EnumMap<>(Kind.class);
        outcomes.forEach(o -> byKind.computeIfAbsent(o.planned().kind(), k -> new ArrayList<>())
                .add(o));
        byKind.forEach((kind, list) -> row(kind.name().toLowerCase(Locale.ROOT), list));
        System.out.println("  by window (genuine requests; a fault window lasts until recovery plus "
                + settings.grace().toSeconds() + " s):");
        Map<String, List<Ledger.Outcome>> byWindow = new LinkedHashMap<>();
        for (String window : List.of("steady", "kill", "database cut")) {
            byWindow.put(window, new ArrayList<>());
        }
        outcomes.stream()
                .filter(o -> o.planned().kind().role == Kind.Role.GENUINE)
                .forEach(o -> byWindow.get(window(o)).add(o));
        byWindow.forEach((window, list) -> row(window, list));
        Histogram steady = histogram(outcomes.stream()
                .filter(o -> o.planned().kind().role == Kind.Role.GENUINE
                        && window(o).equals("steady"))
                .toList());
        if (steady.getTotalCount() > 0) {
            p99 = Long.toString(Math.round(steady.getValueAtPercentile(99) / 1000.0));
            System.out.printf(
                    Locale.ROOT,
                    "  steady genuine latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    steady.getValueAtPercentile(50) / 1000.0,
                    steady.getValueAtPercentile(90) / 1000.0,
                    steady.getValueAtPercentile(99) / 1000.0,
                    steady.getValueAtPercentile(99.9) / 1000.0,
                    steady.getMaxValue() / 1000.0);
        }
        teamsReplies();
        Map<String, Long> failures = outcomes.stream()
                .filter(o -> o.verdict() != Kind.Verdict.OK)
                .collect(Collectors.groupingBy(
                        o -> window(o) + " | " + o.planned().kind().name().toLowerCase(Locale.ROOT) + " | "
                                + shorten(o.failure()),
                        TreeMap::new,
                        Collectors.counting()));
        if (!failures.isEmpty()) {
            System.out.println("  not ok (window | kind | what came back):");
            failures.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(25)
                    .forEach(e -> System.out.println("    " + e.getValue() + " x " + e.getKey()));
        }
    }

    /**
     * Teams acknowledges a message before its answer is sent, so the request's latency above is the
     * acknowledgement's: how long the answer took to reach the connector stub is printed here.
     */
    private void teamsReplies() {
        Histogram replies = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram toAnswers = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (Ledger.Outcome o : outcomes) {
            if (o.planned().kind().role != Kind.Role.GENUINE || !window(o).equals("steady")) {
                continue;
            }
            long endNanos = o.endNanos();
            if (o.planned().kind().name().startsWith("TEAMS_")
                    && o.planned().kind().replyExpected()
                    && o.verdict() == Kind.Verdict.OK) {
                Optional<Long> at = sightings.repliedAt(o.planned().key());
                if (at.isPresent()) {
                    endNanos = Math.max(endNanos, at.get());
                    replies.recordValue(micros(at.get() - o.intendedNanos()));
                }
            }
            if (o.status() >= 0) {
                toAnswers.recordValue(micros(endNanos - o.intendedNanos()));
            }
        }
        if (toAnswers.getTotalCount() > 0) {
            System.out.println("  steady genuine latency ms, a Teams message counted until its reply reached the stub: "
                    + percentiles(toAnswers));
        }
        if (replies.getTotalCount() > 0) {
            System.out.println("  steady Teams messages, intended send time to the reply at the connector stub, ms: "
                    + percentiles(replies) + " (" + replies.getTotalCount() + " replies)");
        }
    }

    /** {@code p50 x  p90 x  p99 x} in milliseconds, from a histogram of microseconds. */
    private static String percentiles(Histogram micros) {
        return String.format(
                Locale.ROOT,
                "p50 %.1f  p90 %.1f  p99 %.1f",
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0);
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(TimeUnit.MINUTES.toMicros(10), nanos / 1000));
    }

    private void row(String label, List<Ledger.Outcome> list) {
        Histogram latency = histogram(list);
        System.out.printf(
                Locale.ROOT,
                "  %-24s %6d %6d %6d %5d %6d %9s %9s%n",
                label,
                list.size(),
                list.stream().filter(o -> o.verdict() == Kind.Verdict.OK).count(),
                list.stream().filter(o -> o.verdict() == Kind.Verdict.WRONG).count(),
                list.stream()
                        .filter(o -> o.verdict() == Kind.Verdict.SERVER_ERROR)
                        .count(),
                list.stream().filter(o -> o.verdict() == Kind.Verdict.NO_ANSWER).count(),
                latency.getTotalCount() == 0
                        ? "-"
                        : String.format(Locale.ROOT, "%.1f", latency.getValueAtPercentile(50) / 1000.0),
                latency.getTotalCount() == 0
                        ? "-"
                        : String.format(Locale.ROOT, "%.1f", latency.getValueAtPercentile(99) / 1000.0));
    }

    /** Latencies of the requests that got a response or timed out (connection errors have no meaningful latency). */
    private static Histogram histogram(List<Ledger.Outcome> list) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        for (Ledger.Outcome outcome : list) {
            if (outcome.status() >= 0
                    || (outcome.failure() != null && outcome.failure().contains("Timeout"))) {
                histogram.recordValue(micros(outcome.endNanos() - outcome.intendedNanos()));
            }
        }
        return histogram;
    }

    // ----- bad input -----

    private void badInput() {
        List<Ledger.Outcome> forged = outcomes.stream()
                .filter(o -> o.planned().kind().role == Kind.Role.FORGED)
                .toList();
        List<Ledger.Outcome> malformed = outcomes.stream()
                .filter(o -> o.planned().kind().role == Kind.Role.MALFORMED)
                .toList();
        long acceptedByStatus =
                forged.stream().filter(Ledger.Outcome::forgedAccepted).count();
        Set<String> sideEffects = sightings.forgedSideEffects();
        forgedAccepted = acceptedByStatus + sideEffects.size() + slowClients.accepted();
        System.out.printf(
                Locale.ROOT,
                "%d bad requests mixed into the load: %d forged, stale or unsigned, %d malformed or oversized%n",
                forged.size() + malformed.size(),
                forged.size(),
                malformed.size());
        System.out.printf(
                Locale.ROOT,
                "  forged requests answered 2xx: %d; effects of forged requests seen by the stubs: %d%n",
                acceptedByStatus,
                sideEffects.size());
        sideEffects.stream().limit(10).forEach(effect -> System.out.println("    " + effect));
        Map<String, Long> statuses = new TreeMap<>();
        for (Ledger.Outcome outcome : forged) {
            statuses.merge(
                    outcome.planned().kind().name().toLowerCase(Locale.ROOT) + " -> " + status(outcome), 1L, Long::sum);
        }
        for (Ledger.Outcome outcome : malformed) {
            statuses.merge(
                    outcome.planned().kind().name().toLowerCase(Locale.ROOT) + " -> " + status(outcome), 1L, Long::sum);
        }
        System.out.println(
                "  answers (kind -> status: count; expected: forged 401, off-allow-list and other tenant 403, malformed 400/413, "
                        + "long text and punctuation runs 200):");
        statuses.forEach((key, count) -> System.out.println("    " + key + ": " + count));
        System.out.println(
                "  slow clients (no credential, a body trickled; expected 408, never 2xx): " + slowClients.summary());
    }

    private static String status(Ledger.Outcome outcome) {
        return outcome.status() >= 0 ? Integer.toString(outcome.status()) : "no answer";
    }

    // ----- nudges -----

    private void nudges() {
        Map<DuplicateCause, Integer> causes = new EnumMap<>(DuplicateCause.class);
        int maxPerChannel = 0;
        Map<Faults.Kind, Long> answers = new EnumMap<>(Faults.Kind.class);
        List<String> lostChannels = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int inFlightTwice = 0;
        for (String channel : receipts.expected()) {
            List<Receipts.Receipt> list = receipts.of(channel);
            list.forEach(r -> answers.merge(r.answer(), 1L, Long::sum));
            int delivered =
                    (int) list.stream().filter(Receipts.Receipt::delivered).count();
            sent += delivered;
            maxPerChannel = Math.max(maxPerChannel, delivered);
            if (delivered == 0) {
                lost++;
                lostChannels.add(channel + " (" + list.size() + " send(s): "
                        + list.stream().map(r -> r.answer().name()).toList() + ")");
            } else if (delivered > 1) {
                duplicated += delivered - 1;
                DuplicateCause cause = cause(channel, list);
                causes.merge(cause, delivered - 1, Integer::sum);
                if (cause == DuplicateCause.IN_FLIGHT_AT_KILL && delivered > 2) {
                    inFlightTwice++;
                }
                if (cause == DuplicateCause.UNEXPLAINED) {
                    unexplained.add(channel + " "
                            + list.stream()
                                    .map(r -> timeline.at(r.atNanos()) + " " + r.answer())
                                    .toList());
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d channels due (%d Slack, %d Teams) over %d minute(s) from %s; budget %d/s per workspace or tenant per"
                        + " instance%n",
                receipts.expected().size(),
                receipts.expected().size() / 2,
                receipts.expected().size() / 2,
                settings.slots(),
                timeline.at(timeline.firstSlot),
                settings.budget());
        System.out.printf(
                Locale.ROOT,
                "  the stubs received %d sends to them: %s%n",
                answers.values().stream().mapToLong(Long::longValue).sum(),
                answers);
        System.out.printf(
                Locale.ROOT,
                "  delivered %d messages to %d channels: lost %d, duplicated %d (at most %d per channel)%n",
                sent,
                receipts.expected().size() - lost,
                lost,
                duplicated,
                maxPerChannel);
        System.out.println("  duplicates by cause: " + (causes.isEmpty() ? "none" : causes));
        System.out.println("  deliveries in the database: " + deliveriesByStatus
                + (sentSpan[0] == null
                        ? ""
                        : "; first recorded sent at " + sentSpan[0] + ", last at " + sentSpan[1] + " ("
                                + Duration.between(sentSpan[0], sentSpan[1]).toSeconds() + " s)"));
        if (receipts.unexpectedCount() > 0) {
            System.out.println("  posts to channels that were not seeded: " + receipts.unexpectedCount());
        }
        lostChannels.stream().limit(10).forEach(channel -> System.out.println("  lost: " + channel));
        unsent.forEach(line -> System.out.println("  not sent: " + line));
        unexplained.stream().limit(10).forEach(line -> System.out.println("  unexplained duplicate: " + line));
        this.inFlightTwice = inFlightTwice;
        this.duplicateCauses = causes;
    }

    private DuplicateCause cause(String channel, List<Receipts.Receipt> list) {
        if (inFlightAtKill.contains(channel)) {
            return DuplicateCause.IN_FLIGHT_AT_KILL;
        }
        Receipts.Receipt first =
                list.stream().filter(Receipts.Receipt::delivered).findFirst().orElseThrow();
        if (first.answer() == Faults.Kind.LATE) {
            return DuplicateCause.LATE_ANSWER;
        }
        long before = TimeUnit.SECONDS.toNanos(5);
        if (timeline.cutStart != 0
                && first.atNanos() >= timeline.cutStart - before
                && first.atNanos() <= (timeline.cutEnd == 0 ? Long.MAX_VALUE : timeline.cutEnd)) {
            return DuplicateCause.DATABASE_CUT;
        }
        return DuplicateCause.UNEXPLAINED;
    }

    // ----- recovery -----

    private void recovery() {
        System.out.println(
                "kill: " + Rehearsal.KILLED + " got SIGKILL at " + timeline.at(timeline.killAt) + " (load window "
                        + timeline.at(timeline.windowStart) + " to " + timeline.at(timeline.windowEnd) + "), with "
                        + inFlightAtKill.size()
                        + " nudge deliveries picked; restarted at once");
        if (timeline.readyAgainAt != 0) {
            System.out.println("  ready again after " + Timeline.seconds(timeline.readyAgainAt - timeline.killAt));
        }
        outcomes.stream()
                .filter(o -> o.planned().replica().equals(Rehearsal.KILLED)
                        && o.verdict() == Kind.Verdict.OK
                        && o.intendedNanos() > timeline.killAt)
                .mapToLong(Ledger.Outcome::endNanos)
                .min()
                .ifPresent(first -> System.out.println("  first correct answer from the restarted instance after "
                        + Timeline.seconds(first - timeline.killAt)));
        long killFailures = outcomes.stream()
                .filter(o -> window(o).equals("kill") && o.verdict() != Kind.Verdict.OK)
                .count();
        System.out.println("  requests not ok in the kill window: " + killFailures + "; requests recovered "
                + Timeline.seconds(recoveredAfter(timeline.killAt, true))
                + " after the kill (the last failed genuine request meant to go after it,"
                + " within 60 s, outside the database cut)");
        if (!inFlightAtKill.isEmpty()) {
            long latest = 0;
            int done = 0;
            for (String channel : inFlightAtKill) {
                long firstAfter = receipts.of(channel).stream()
                        .filter(r -> r.delivered() && r.atNanos() > timeline.killAt)
                        .mapToLong(Receipts.Receipt::atNanos)
                        .min()
                        .orElse(0);
                boolean before =
                        receipts.of(channel).stream().anyMatch(r -> r.delivered() && r.atNanos() <= timeline.killAt);
                if (firstAfter != 0 || before) {
                    done++;
                    latest = Math.max(latest, firstAfter);
                }
            }
            System.out.println("  the killed instance's picked deliveries: "
                    + (timeline.revivedAt == 0
                            ? "not known to be taken over"
                            : "taken over " + Timeline.seconds(timeline.revivedAt - timeline.killAt)
                                    + " after the kill")
                    + "; " + done + " of " + inFlightAtKill.size() + " delivered"
                    + (latest == 0
                            ? ""
                            : ", the last " + Timeline.seconds(latest - timeline.killAt)
                                    + " after the kill (in turn with the backlog)"));
        }
        System.out.println("database: cut at " + timeline.at(timeline.cutStart) + " for "
                + settings.cutLength().toSeconds() + " s (connections reset, new ones refused), back at "
                + timeline.at(timeline.cutEnd));
        if (timeline.cutEnd != 0) {
            System.out.println(
                    "  requests recovered " + Timeline.seconds(recoveredAfter(timeline.cutEnd, false))
                            + " after the database came back (the last failed genuine request meant to go after that, within 60 s)");
            long cutFailures = outcomes.stream()
                    .filter(o -> window(o).equals("database cut") && o.verdict() != Kind.Verdict.OK)
                    .count();
            System.out.println("  requests not ok in the cut window: " + cutFailures);
        }
        for (Replica replica : replicas) {
            System.out.println("  " + replica.name() + " readiness: " + replica.transitions(timeline.origin));
        }
        System.out.println("rehearsal took " + Timeline.seconds(System.nanoTime() - timeline.origin) + " in all");
    }

    /**
     * How long after {@code since} genuine requests kept failing: the intended send time of the last
     * genuine request meant to go within a minute after {@code since} that was not ok, minus
     * {@code since}; zero when every one was ok. For the kill ({@code excludeCut}), requests in the
     * database cut's window do not count: that is the other fault's recovery.
     */
    private long recoveredAfter(long since, boolean excludeCut) {
        long horizon = since + TimeUnit.SECONDS.toNanos(60);
        return outcomes.stream()
                .filter(o -> o.planned().kind().role == Kind.Role.GENUINE
                        && o.verdict() != Kind.Verdict.OK
                        && o.intendedNanos() >= since
                        && o.intendedNanos() <= horizon
                        && !(excludeCut && window(o).equals("database cut")))
                .mapToLong(o -> o.intendedNanos() - since)
                .max()
                .orElse(0);
    }

    // ----- logs -----

    private void logs() {
        for (Replica replica : replicas) {
            int index = 0;
            for (AppProcess process : replica.processes()) {
                index++;
                List<String> problems = process.warningsAndErrors(0);
                Map<String, Long> kinds = problems.stream()
                        .collect(Collectors.groupingBy(Report::logKind, TreeMap::new, Collectors.counting()));
                System.out.println(replica.name() + " (start " + index + ", " + process.log() + "): " + problems.size()
                        + " WARN/ERROR lines");
                kinds.entrySet().stream()
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                        .limit(10)
                        .forEach(e -> System.out.println("  " + e.getValue() + " x " + e.getKey()));
            }
        }
    }

    /** A log line without its time, thread, ids and numbers, to count alike lines together. */
    static String logKind(String line) {
        String text = line.replaceFirst("^\\S+\\s+", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .replaceAll("---", "")
                .replaceAll("\\b\\d+\\b", "#")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() <= 170 ? text : text.substring(0, 170) + "...";
    }

    // ----- targets -----

    private void targets(List<String> missed) {
        long badInput = outcomes.stream()
                .filter(o -> o.planned().kind().role != Kind.Role.GENUINE)
                .count();
        long serverErrorsOutsideCut = outcomes.stream()
                .filter(o ->
                        o.verdict() == Kind.Verdict.SERVER_ERROR && !window(o).equals("database cut"))
                .count();
        double seconds = (timeline.windowEnd - timeline.windowStart) / 1e9;
        int duplicatesOtherThanKill = duplicateCauses.entrySet().stream()
                .filter(e -> e.getKey() != DuplicateCause.IN_FLIGHT_AT_KILL)
                .mapToInt(Map.Entry::getValue)
                .sum();
        target(
                missed,
                "load of at least one minute over both instances",
                seconds >= 60,
                String.format(Locale.ROOT, "%.0f s", seconds));
        target(missed, "at least 1,000 bad requests", badInput >= 1000, badInput + " sent");
        target(missed, "zero lost nudges", lost == 0, lost + " lost");
        target(
                missed,
                "duplicates only for channels in flight at the kill, at most one each",
                duplicatesOtherThanKill == 0 && inFlightTwice == 0,
                duplicated + " duplicated: " + (duplicateCauses.isEmpty() ? "none" : duplicateCauses.toString()));
        int beyondLate = duplicatesOtherThanKill - duplicateCauses.getOrDefault(DuplicateCause.LATE_ANSWER, 0);
        System.out.println(
                "          (of which neither in flight at the kill nor after a late answer: " + beyondLate + ")");
        target(missed, "zero forged requests accepted", forgedAccepted == 0, forgedAccepted + " accepted");
        target(
                missed,
                "every Slack nudge sent with its own workspace's token",
                receipts.wrongTokenCount() == 0,
                receipts.wrongTokenCount() + " with another's");
        target(
                missed,
                "no 5xx outside the database cut",
                serverErrorsOutsideCut == 0,
                serverErrorsOutsideCut + " outside it");
        target(
                missed,
                "p99 <= " + settings.targetP99() + " ms outside the fault windows",
                !p99.equals("-") && Long.parseLong(p99) <= settings.targetP99(),
                "p99 " + p99 + " ms");
        long total = System.nanoTime() - timeline.origin;
        target(missed, "rehearsal within 15 minutes", total <= TimeUnit.MINUTES.toNanos(15), Timeline.seconds(total));
    }

    private static void target(List<String> missed, String target, boolean met, String detail) {
        System.out.println((met ? "  met     " : "  MISSED  ") + target + " (" + detail + ")");
        if (!met) {
            missed.add(target);
        }
    }

    private long count(Predicate<Ledger.Outcome> predicate) {
        return outcomes.stream().filter(predicate).count();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "-";
        }
        String flat = text.replaceAll("k\\d+", "k#").replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "...";
    }
}
