package com.charterbot.bench.rehearsal;

import java.net.http.HttpResponse;

/**
 * The kinds of request the rehearsal sends, and what a correct answer to each is.
 *
 * <p>{@link Role#GENUINE} requests are what employees do; {@link Role#FORGED} ones carry a forged,
 * stale or missing signature or token (or, for Teams, a service URL off the allow-list) and must be
 * refused with no effect; {@link Role#MALFORMED} ones are properly signed but malformed or oversized
 * and must be refused (or answered politely), never with a server error.
 */
enum Kind {
    SLACK_QUESTION(Platform.SLACK, Role.GENUINE, 200, "a question (English or French) as /charter <text>"),
    SLACK_QUIZ(Platform.SLACK, Role.GENUINE, 200, "/charter quiz, answered with the first question's buttons"),
    SLACK_QUIZ_ANSWER(
            Platform.SLACK,
            Role.GENUINE,
            200,
            "a click on a quiz answer button; the verdict comes to the response URL"),
    SLACK_ADMIN(Platform.SLACK, Role.GENUINE, 200, "an administrator's stats, settings or nudges command"),
    TEAMS_QUESTION(Platform.TEAMS, Role.GENUINE, 200, "a question in a personal chat; the card comes to the connector"),
    TEAMS_QUIZ(Platform.TEAMS, Role.GENUINE, 200, "quiz in a personal chat"),
    TEAMS_QUIZ_ANSWER(Platform.TEAMS, Role.GENUINE, 200, "an Action.Submit on a quiz card"),
    TEAMS_ADMIN(Platform.TEAMS, Role.GENUINE, 200, "an administrator's stats"),

    SLACK_FORGED_SIGNATURE(Platform.SLACK, Role.FORGED, 401, "a random signature"),
    SLACK_OTHER_SECRET(Platform.SLACK, Role.FORGED, 401, "signed with another secret"),
    SLACK_STALE(Platform.SLACK, Role.FORGED, 401, "correctly signed, 6 minutes old"),
    SLACK_NO_SIGNATURE(Platform.SLACK, Role.FORGED, 401, "no X-Slack-Signature"),
    SLACK_NO_TIMESTAMP(Platform.SLACK, Role.FORGED, 401, "no X-Slack-Request-Timestamp"),
    SLACK_TAMPERED(Platform.SLACK, Role.FORGED, 401, "signed, then its text changed"),
    SLACK_FUTURE(Platform.SLACK, Role.FORGED, 401, "correctly signed, 6 minutes ahead"),
    SLACK_UNSIGNED_ESCAPE(
            Platform.SLACK, Role.FORGED, 401, "unsigned %zz=1 (Bolt's SSL-check detector decoded it: a 500)"),
    TEAMS_NO_TOKEN(Platform.TEAMS, Role.FORGED, 401, "no Authorization header"),
    TEAMS_OTHER_KEY(Platform.TEAMS, Role.FORGED, 401, "a token signed with another key"),
    TEAMS_OTHER_AUDIENCE(Platform.TEAMS, Role.FORGED, 401, "a token for another bot"),
    TEAMS_OTHER_ISSUER(Platform.TEAMS, Role.FORGED, 401, "a token from another issuer"),
    TEAMS_EXPIRED(Platform.TEAMS, Role.FORGED, 401, "an expired token"),
    TEAMS_WRONG_SERVICE_URL(Platform.TEAMS, Role.FORGED, 401, "a token whose serviceurl is not the activity's"),
    TEAMS_UNSIGNED(Platform.TEAMS, Role.FORGED, 401, "an unsigned token (alg none)"),
    TEAMS_NOT_A_TOKEN(Platform.TEAMS, Role.FORGED, 401, "'Bearer not.a.token'"),
    TEAMS_NO_EXPIRY(Platform.TEAMS, Role.FORGED, 401, "a token without exp"),
    TEAMS_OFF_ALLOW_LIST(Platform.TEAMS, Role.FORGED, 403, "a valid token for a service URL off the allow-list"),
    TEAMS_OTHER_TENANT(Platform.TEAMS, Role.FORGED, 403, "a valid token with an activity from another tenant"),

    SLACK_BAD_ESCAPE(Platform.SLACK, Role.MALFORMED, 400, "signed form body with a bad percent-escape"),
    SLACK_NOT_JSON(Platform.SLACK, Role.MALFORMED, 400, "signed broken JSON event"),
    SLACK_BAD_PAYLOAD(Platform.SLACK, Role.MALFORMED, 400, "signed payload= with broken JSON"),
    SLACK_MISSING_FIELDS(Platform.SLACK, Role.MALFORMED, 400, "signed slash command without user_id"),
    SLACK_TOO_LARGE(Platform.SLACK, Role.MALFORMED, 413, "a 1.1 MB body"),
    SLACK_LONG_TEXT(
            Platform.SLACK, Role.MALFORMED, 200, "signed /charter with 40,000 characters of text, answered politely"),
    SLACK_PUNCTUATION_RUN(
            Platform.SLACK,
            Role.MALFORMED,
            200,
            "signed /charter nudges + 20,000 dots + x (held a CPU 12.7 s), answered politely"),
    TEAMS_NOT_JSON(Platform.TEAMS, Role.MALFORMED, 400, "broken JSON with a valid token"),
    TEAMS_MISSING_FIELDS(Platform.TEAMS, Role.MALFORMED, 400, "an activity without conversation, valid token"),
    TEAMS_TOO_LARGE(Platform.TEAMS, Role.MALFORMED, 413, "a 300 KB activity"),
    TEAMS_LONG_TEXT(
            Platform.TEAMS, Role.MALFORMED, 200, "a 40,000-character message with a valid token, answered politely"),
    TEAMS_PUNCTUATION_RUN(
            Platform.TEAMS, Role.MALFORMED, 200, "nudges + 20,000 dots + x with a valid token, answered politely");

    enum Platform {
        SLACK,
        TEAMS
    }

    enum Role {
        GENUINE,
        FORGED,
        MALFORMED
    }

    /** How one request ended. */
    enum Verdict {
        /** The answer expected. */
        OK,
        /** A wrong answer that is not a server error (a 4xx to a genuine request, a 2xx to a forged one...). */
        WRONG,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** No answer: connection refused or reset, timeout. */
        NO_ANSWER
    }

    final Platform platform;
    final Role role;
    final int expectedStatus;
    final String description;

    Kind(Platform platform, Role role, int expectedStatus, String description) {
        this.platform = platform;
        this.role = role;
        this.expectedStatus = expectedStatus;
        this.description = description;
    }

    /** Whether a reply must also reach the platform stub (checked once the load is over). */
    boolean replyExpected() {
        return this == SLACK_QUIZ_ANSWER || (platform == Platform.TEAMS && expectedStatus == 200);
    }

    /** The verdict on a response (null when there was none); the reply check comes later. */
    Verdict judge(HttpResponse<String> response) {
        if (response == null) {
            return Verdict.NO_ANSWER;
        }
        int status = response.statusCode();
        if (status >= 500) {
            return Verdict.SERVER_ERROR;
        }
        if (status != expectedStatus) {
            return Verdict.WRONG;
        }
        if (platform == Platform.SLACK && status == 200 && this != SLACK_QUIZ_ANSWER) {
            String body = response.body() == null ? "" : response.body();
            boolean blocks = body.contains("\"blocks\"");
            if (!blocks || (this == SLACK_QUIZ && !body.contains("charter.quiz.answer"))) {
                return Verdict.WRONG;
            }
        }
        return Verdict.OK;
    }

    /** Whether this forged request was let in (any 2xx). */
    boolean accepted(HttpResponse<String> response) {
        return role == Role.FORGED && response != null && response.statusCode() >= 200 && response.statusCode() < 300;
    }
}
