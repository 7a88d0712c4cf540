package com.charterbot.bench.rehearsal;

import com.charterbot.bench.load.RequestListener;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every request of the load ended, judged by its {@link Kind}; quiz buttons found in Slack
 * answers go to the {@link Sightings} for the next clicks. Thread-safe.
 */
final class Ledger implements RequestListener {

    private static final Pattern SLACK_QUIZ_BUTTON = Pattern.compile(
            "\"action_id\"\\s*:\\s*\"(charter\\.quiz\\.answer[^\"]*)\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]+)\"");

    /** One request: what it was, when it was meant to go and ended, its status (-1: none) and verdict. */
    record Outcome(
            long sequence,
            Traffic.Planned planned,
            long intendedNanos,
            long endNanos,
            int status,
            Kind.Verdict verdict,
            boolean forgedAccepted,
            String failure) {

        double latencyMillis() {
            return (endNanos - intendedNanos) / 1e6;
        }

        Outcome withVerdict(Kind.Verdict changed, String why) {
            return new Outcome(sequence, planned, intendedNanos, endNanos, status, changed, forgedAccepted, why);
        }
    }

    private final Traffic traffic;
    private final Sightings sightings;
    private final Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();

    Ledger(Traffic traffic, Sightings sightings) {
        this.traffic = traffic;
        this.sightings = sightings;
    }

    @Override
    public void ended(
            long sequence, long intendedNanos, long endNanos, HttpResponse<String> response, Throwable failure) {
        Traffic.Planned planned = traffic.planned(sequence);
        if (planned == null) {
            // The factory threw before planning it: a bug of the rehearsal, shown as a failure of its own.
            planned = new Traffic.Planned(Kind.SLACK_QUESTION, "none", "k" + sequence, 0, "none");
        }
        Kind kind = planned.kind();
        Kind.Verdict verdict = kind.judge(response);
        String why = failure == null ? null : describe(failure);
        if (response != null && verdict != Kind.Verdict.OK) {
            why = "HTTP " + response.statusCode() + excerpt(response.body());
        }
        outcomes.put(
                sequence,
                new Outcome(
                        sequence,
                        planned,
                        intendedNanos,
                        endNanos,
                        response == null ? -1 : response.statusCode(),
                        verdict,
                        kind.accepted(response),
                        why));
        if (kind == Kind.SLACK_QUIZ && verdict == Kind.Verdict.OK) {
            Matcher button = SLACK_QUIZ_BUTTON.matcher(response.body());
            if (button.find()) {
                sightings.slackQuizButton(new Sightings.QuizButton(
                        planned.person(), planned.channel(), button.group(1), button.group(2)));
            }
        }
    }

    /** Genuine requests answered 200 whose reply never reached the stub become wrong. */
    void checkReplies() {
        outcomes.replaceAll((sequence, outcome) -> outcome.verdict() == Kind.Verdict.OK
                        && outcome.planned().kind().replyExpected()
                        && !sightings.replied(outcome.planned().key())
                ? outcome.withVerdict(
                        Kind.Verdict.WRONG, "answered " + outcome.status() + " but no reply reached the platform")
                : outcome);
    }

    /** Every outcome with a sequence number at or above {@code from}, in sequence order. */
    List<Outcome> from(long from) {
        List<Outcome> list = new ArrayList<>();
        outcomes.forEach((sequence, outcome) -> {
            if (sequence >= from) {
                list.add(outcome);
            }
        });
        list.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return list;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null
                && (cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() <= 100 ? flat : flat.substring(0, 100) + "...");
    }
}
