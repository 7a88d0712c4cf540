package com.charterbot.bench.rehearsal;

import com.charterbot.bench.load.Json;
import com.charterbot.bench.load.RequestFactory;
import com.charterbot.bench.load.SampleQuestion;
import com.charterbot.bench.slack.SlackSigner;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rehearsal's requests, one {@link Kind} each, drawn from a seeded generator per sequence
 * number: mostly genuine Slack slash commands, quiz clicks and Teams messages from a few hundred
 * people in two languages, with a share of forged and malformed ones. Each goes to one of the
 * instances that are ready, in turn, as a load balancer would send it; when none is ready it goes
 * to any. Remembers what it sent for the {@link Ledger}. Called from one thread.
 */
final class Traffic implements RequestFactory {

    static final String ADMIN_SLACK_USER = "U0ADMIN";
    static final int TEAMS_ADMIN_PERSON = 9999;
    static final int PEOPLE = 300;
    static final int SLACK_USERS = 40;
    static final int SLACK_LOAD_CHANNELS = 6;
    private static final String[] SLACK_ADMIN_COMMANDS = {
        "stats", "stats 7", "settings", "réglages", "nudges off", "statistiques 30"
    };
    private static final String[] TEAMS_ADMIN_COMMANDS = {"stats", "stats 7", "statistiques 30"};
    private static final List<Kind> BAD = List.of(Kind.values()).stream()
            .filter(kind -> kind.role != Kind.Role.GENUINE)
            .toList();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String LONG_TEXT = "can I post this? ".repeat(2_500).substring(0, 40_000);
    private static final String PUNCTUATION_RUN = "nudges " + ".".repeat(20_000) + "x";

    /** What was sent as one sequence number: the kind, where, and the key its reply carries. */
    record Planned(Kind kind, String replica, String key, int person, String channel) {}

    /** Where the rehearsal's stubs and secrets are. */
    record Endpoints(
            String slackSigningSecret,
            String slackCommandsUrl,
            String slackForgedUrl,
            String teamsServiceUrl,
            String teamsOffListServiceUrl,
            String teamsAppId,
            String teamsTenant) {}

    private final List<Replica> replicas;
    private final Endpoints endpoints;
    private final SlackSigner signer;
    private final SlackSigner otherSigner = new SlackSigner("not-the-signing-secret-0123456789");
    private final BotFrameworkTokens tokens;
    private final Sightings sightings;
    private final List<SampleQuestion> questions;
    private final double badShare;
    private final long seed;
    private final Clock clock;
    private final Map<Long, Planned> planned = new ConcurrentHashMap<>();

    Traffic(
            List<Replica> replicas,
            Endpoints endpoints,
            BotFrameworkTokens tokens,
            Sightings sightings,
            List<SampleQuestion> questions,
            double badShare,
            long seed,
            Clock clock) {
        this.replicas = List.copyOf(replicas);
        this.endpoints = endpoints;
        this.signer = new SlackSigner(endpoints.slackSigningSecret());
        this.tokens = tokens;
        this.sightings = sightings;
        this.questions = List.copyOf(questions);
        this.badShare = badShare;
        this.seed = seed;
        this.clock = clock;
    }

    /** What sequence number {@code sequence} was, once sent; null before. */
    Planned planned(long sequence) {
        return planned.get(sequence);
    }

    @Override
    public HttpRequest next(long sequence) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + sequence);
        Replica replica = route(sequence);
        Kind kind = choose(random);
        String key = "k" + sequence;
        HttpRequest request;
        Planned plan;
        if (kind.platform == Kind.Platform.SLACK) {
            Sightings.QuizButton button = kind == Kind.SLACK_QUIZ_ANSWER ? sightings.nextSlackQuizButton() : null;
            if (kind == Kind.SLACK_QUIZ_ANSWER && button == null) {
                kind = Kind.SLACK_QUESTION;
            }
            int user = kind == Kind.SLACK_ADMIN ? -1 : button != null ? button.person() : random.nextInt(SLACK_USERS);
            String channel = button != null
                    ? button.channel()
                    : String.format(Locale.ROOT, "CLOAD%02d", random.nextInt(SLACK_LOAD_CHANNELS));
            plan = new Planned(kind, replica.name(), key, user, channel);
            request = slack(plan, random, button, replica);
        } else {
            Sightings.QuizButton button = kind == Kind.TEAMS_QUIZ_ANSWER ? sightings.nextTeamsQuizButton() : null;
            if (kind == Kind.TEAMS_QUIZ_ANSWER && button == null) {
                kind = Kind.TEAMS_QUESTION;
            }
            int person = kind == Kind.TEAMS_ADMIN
                    ? TEAMS_ADMIN_PERSON
                    : button != null ? button.person() : random.nextInt(PEOPLE);
            plan = new Planned(kind, replica.name(), key, person, TeamsPlatform.PERSONAL_PREFIX + person);
            request = teams(plan, random, button, replica, sequence);
        }
        planned.put(sequence, plan);
        return request;
    }

    private Replica route(long sequence) {
        List<Replica> ready = new ArrayList<>(replicas.size());
        for (Replica replica : replicas) {
            if (replica.isReady()) {
                ready.add(replica);
            }
        }
        List<Replica> pool = ready.isEmpty() ? replicas : ready;
        return pool.get((int) (sequence % pool.size()));
    }

    private Kind choose(SplittableRandom random) {
        if (random.nextDouble() < badShare) {
            return BAD.get(random.nextInt(BAD.size()));
        }
        boolean slack = random.nextBoolean();
        double draw = random.nextDouble();
        if (draw < 0.68) {
            return slack ? Kind.SLACK_QUESTION : Kind.TEAMS_QUESTION;
        }
        if (draw < 0.80) {
            return slack ? Kind.SLACK_QUIZ : Kind.TEAMS_QUIZ;
        }
        if (draw < 0.93) {
            return slack ? Kind.SLACK_QUIZ_ANSWER : Kind.TEAMS_QUIZ_ANSWER;
        }
        return slack ? Kind.SLACK_ADMIN : Kind.TEAMS_ADMIN;
    }

    // ----- Slack -----

    private HttpRequest slack(Planned plan, SplittableRandom random, Sightings.QuizButton button, Replica replica) {
        Kind kind = plan.kind();
        String user = plan.person() < 0 ? ADMIN_SLACK_USER : String.format(Locale.ROOT, "U0REH%02d", plan.person());
        // People belong to one of the two workspaces that installed the app, for good: their answers are theirs.
        String team = SlackPlatform.team(Math.max(plan.person(), 0));
        String responseUrl = (kind.role == Kind.Role.FORGED ? endpoints.slackForgedUrl() : endpoints.slackCommandsUrl())
                + plan.key();
        String text = switch (kind) {
            case SLACK_QUIZ -> "quiz";
            case SLACK_ADMIN -> SLACK_ADMIN_COMMANDS[random.nextInt(SLACK_ADMIN_COMMANDS.length)];
            case SLACK_LONG_TEXT -> LONG_TEXT;
            case SLACK_PUNCTUATION_RUN -> PUNCTUATION_RUN;
            default -> kind.role == Kind.Role.FORGED ? "quiz" : question(random);
        };
        long now = clock.instant().getEpochSecond();
        String form = command(team, user, plan.channel(), text, responseUrl);
        String contentType = "application/x-www-form-urlencoded";
        String body = form;
        String signed = form;
        long timestamp = now;
        SlackSigner by = signer;
        boolean withSignature = true;
        boolean withTimestamp = true;
        switch (kind) {
            case SLACK_QUIZ_ANSWER -> {
                body = "payload="
                        + URLEncoder.encode(
                                blockAction(team, user, plan.channel(), button, responseUrl), StandardCharsets.UTF_8);
                signed = body;
            }
            case SLACK_FORGED_SIGNATURE -> by = null;
            case SLACK_OTHER_SECRET -> by = otherSigner;
            case SLACK_STALE -> timestamp = now - 6 * 60;
            case SLACK_FUTURE -> timestamp = now + 6 * 60;
            case SLACK_UNSIGNED_ESCAPE -> {
                body = "%zz=1";
                withSignature = false;
                withTimestamp = false;
            }
            case SLACK_NO_SIGNATURE -> withSignature = false;
            case SLACK_NO_TIMESTAMP -> withTimestamp = false;
            case SLACK_TAMPERED -> body = form.replace("text=quiz", "text=stats");
            case SLACK_BAD_ESCAPE -> {
                body = "token=rehearsal&team_id=" + SlackPlatform.TEAM + "&user_id=" + user
                        + "&text=100%&command=%2Fcharter";
                signed = body;
            }
            case SLACK_NOT_JSON -> {
                body = "{\"type\":\"event_callback\",\"team_id\":\"" + SlackPlatform.TEAM + "\",\"event\":{";
                signed = body;
                contentType = "application/json";
            }
            case SLACK_BAD_PAYLOAD -> {
                body = "payload="
                        + URLEncoder.encode("{\"type\":\"block_actions\",\"user\":{\"id\":", StandardCharsets.UTF_8);
                signed = body;
            }
            case SLACK_MISSING_FIELDS -> {
                body = form.replaceFirst("&user_id=[^&]*", "");
                signed = body;
            }
            case SLACK_TOO_LARGE -> {
                body = form + "&padding=" + "x".repeat(1_100_000);
                signed = body;
            }
            default -> {}
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.uri("/slack/events"))
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        if (withTimestamp) {
            request.header("X-Slack-Request-Timestamp", Long.toString(timestamp));
        }
        if (withSignature) {
            String signature = by == null ? "v0=" + hex(random, 64) : by.signature(timestamp, signed);
            request.header("X-Slack-Signature", signature);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static String command(String team, String user, String channel, String text, String responseUrl) {
        StringBuilder form = new StringBuilder(256);
        field(form, "token", "rehearsalVerificationToken");
        field(form, "team_id", team);
        field(form, "team_domain", "rehearsal");
        field(form, "channel_id", channel);
        field(form, "channel_name", channel.toLowerCase(Locale.ROOT));
        field(form, "user_id", user);
        field(form, "user_name", user.toLowerCase(Locale.ROOT));
        field(form, "command", "/charter");
        field(form, "text", text);
        field(form, "api_app_id", "A0REHEARSE");
        field(form, "is_enterprise_install", "false");
        field(form, "response_url", responseUrl);
        field(form, "trigger_id", "7000000000.4242.rehearsal");
        return form.toString();
    }

    private static String blockAction(
            String team, String user, String channel, Sightings.QuizButton button, String responseUrl) {
        return """
                {"type":"block_actions","user":{"id":"%s","username":"%s","team_id":"%s"},"api_app_id":"A0REHEARSE",\
                "token":"rehearsalVerificationToken","container":{"type":"message","message_ts":"1700000000.000100",\
                "channel_id":"%s","is_ephemeral":true},"trigger_id":"7000000000.4242.rehearsal","team":{"id":"%s","domain":"rehearsal"},\
                "channel":{"id":"%s","name":"%s"},"response_url":"%s","actions":[{"action_id":"%s","block_id":"b1",\
                "text":{"type":"plain_text","text":"answer"},"value":"%s","type":"button","action_ts":"1700000001.000200"}]}""".formatted(
                        user,
                        user.toLowerCase(Locale.ROOT),
                        team,
                        channel,
                        team,
                        channel,
                        channel.toLowerCase(Locale.ROOT),
                        responseUrl,
                        Json.escape(button.actionId()),
                        Json.escape(button.value()));
    }

    private static void field(StringBuilder form, String name, String value) {
        if (form.length() > 0) {
            form.append('&');
        }
        form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    // ----- Teams -----

    private HttpRequest teams(
            Planned plan, SplittableRandom random, Sightings.QuizButton button, Replica replica, long sequence) {
        Kind kind = plan.kind();
        String serviceUrl =
                kind == Kind.TEAMS_OFF_ALLOW_LIST ? endpoints.teamsOffListServiceUrl() : endpoints.teamsServiceUrl();
        String conversation = kind.role == Kind.Role.FORGED ? TeamsPlatform.FORGED_PREFIX + sequence : plan.channel();
        String text = switch (kind) {
            case TEAMS_QUIZ -> "quiz";
            case TEAMS_ADMIN -> TEAMS_ADMIN_COMMANDS[random.nextInt(TEAMS_ADMIN_COMMANDS.length)];
            case TEAMS_LONG_TEXT -> LONG_TEXT;
            case TEAMS_PUNCTUATION_RUN -> PUNCTUATION_RUN;
            default -> kind.role == Kind.Role.FORGED ? "quiz" : question(random);
        };
        String value = button == null
                ? null
                : "{\"actionId\":\"" + Json.escape(button.actionId()) + "\",\"value\":\"" + Json.escape(button.value())
                        + "\"}";
        String body = activity(plan, conversation, serviceUrl, kind == Kind.TEAMS_QUIZ_ANSWER ? null : text, value);
        String authorization = "Bearer " + tokens.valid(serviceUrl);
        switch (kind) {
            case TEAMS_NO_TOKEN -> authorization = null;
            case TEAMS_OTHER_KEY ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.OTHER_KEY, serviceUrl);
            case TEAMS_OTHER_AUDIENCE ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.OTHER_AUDIENCE, serviceUrl);
            case TEAMS_OTHER_ISSUER ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.OTHER_ISSUER, serviceUrl);
            case TEAMS_EXPIRED ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.EXPIRED, serviceUrl);
            case TEAMS_WRONG_SERVICE_URL ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.WRONG_SERVICE_URL, serviceUrl);
            case TEAMS_UNSIGNED ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.UNSIGNED, serviceUrl);
            case TEAMS_NOT_A_TOKEN ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.NOT_A_TOKEN, serviceUrl);
            case TEAMS_NO_EXPIRY ->
                authorization = "Bearer " + tokens.forged(BotFrameworkTokens.Forgery.NO_EXPIRY, serviceUrl);
            case TEAMS_OTHER_TENANT ->
                body = body.replace(endpoints.teamsTenant(), "11111111-2222-3333-4444-555555555555");
            case TEAMS_NOT_JSON -> body = body.substring(0, body.length() / 2);
            case TEAMS_MISSING_FIELDS -> body = body.replaceFirst("\"conversation\":\\{[^}]*\\},", "");
            case TEAMS_TOO_LARGE ->
                body = body.replace(
                        "\"textFormat\":\"plain\"",
                        "\"textFormat\":\"plain\",\"padding\":\"" + "x".repeat(300_000) + "\"");
            default -> {}
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(replica.uri("/api/messages")).header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private String activity(Planned plan, String conversation, String serviceUrl, String text, String value) {
        int person = plan.person();
        String aad = String.format(Locale.ROOT, "6b2c8a1e-3d4f-4a5b-9c8d-%012d", person);
        // Fractional seconds always: the SDK drops an activity whose timestamp has none (PLATFORM_NOTES).
        String timestamp = TIMESTAMP.format(clock.instant());
        StringBuilder json = new StringBuilder(512);
        json.append("{\"type\":\"message\",\"id\":\"")
                .append(plan.key())
                .append("\",\"timestamp\":\"")
                .append(timestamp)
                .append("\",\"channelId\":\"msteams\",\"serviceUrl\":\"")
                .append(serviceUrl)
                .append("\",\"from\":{\"id\":\"29:1reh-")
                .append(person)
                .append("\",\"name\":\"Person ")
                .append(person)
                .append("\",\"aadObjectId\":\"")
                .append(aad)
                .append("\"},")
                .append("\"conversation\":{\"conversationType\":\"personal\",\"tenantId\":\"")
                .append(endpoints.teamsTenant())
                .append("\",\"id\":\"")
                .append(conversation)
                .append("\"},")
                .append("\"recipient\":{\"id\":\"28:")
                .append(endpoints.teamsAppId())
                .append("\",\"name\":\"Charter\"},")
                .append("\"locale\":\"")
                .append(person % 2 == 0 ? "en-US" : "fr-FR")
                .append("\",\"textFormat\":\"plain\",");
        if (text != null) {
            json.append("\"text\":\"").append(Json.escape(text)).append("\",");
        }
        if (value != null) {
            json.append("\"value\":").append(value).append(',');
        }
        json.append("\"channelData\":{\"tenant\":{\"id\":\"")
                .append(endpoints.teamsTenant())
                .append("\"}}}");
        return json.toString();
    }

    private String question(SplittableRandom random) {
        return questions.get(random.nextInt(questions.size())).text();
    }

    private static String hex(SplittableRandom random, int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
