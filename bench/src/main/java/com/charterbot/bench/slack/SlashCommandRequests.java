package com.charterbot.bench.slack;

import com.charterbot.bench.load.RequestFactory;
import com.charterbot.bench.load.SampleQuestion;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /charter <question>} as Slack posts it: a form-encoded slash-command payload, signed with
 * the current time. Request {@code n} asks question {@code n mod questions} as user {@code n mod users}
 * (40 users, 6 channels), so the mix of languages, users and channels keeps changing.
 */
public final class SlashCommandRequests implements RequestFactory {

    static final String TEAM_ID = "T0BENCH";
    static final String TEAM_DOMAIN = "bench";
    static final String APP_ID = "A0BENCH";
    /** The legacy verification token Slack still sends; Bolt ignores it when a signing secret is set. */
    static final String VERIFICATION_TOKEN = "benchVerificationToken0000";

    static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

    private static final String[] FIRST_NAMES = {"alice", "bruno", "chloe", "david", "emma", "farid", "ines", "julien"};
    private static final String[] LAST_NAMES = {"martin", "bernard", "nguyen", "smith", "dubois"};
    private static final List<Member> USERS = users();
    private static final List<Member> CHANNELS = List.of(
            new Member("C0BENCH01", "general"),
            new Member("C0BENCH02", "marketing"),
            new Member("C0BENCH03", "usine-lyon"),
            new Member("C0BENCH04", "random"),
            new Member("C0BENCH05", "rh-annonces"),
            new Member("D0BENCH06", "directmessage"));

    private final URI endpoint;
    private final SlackSigner signer;
    private final Clock clock;
    private final List<String> questions;
    private final String responseUrlBase;
    private final boolean distinct;

    /**
     * @param responseUrlBase where the payload's {@code response_url} points, up to and including
     *                        {@code /commands/}: the Slack stub, so a reply sent there stays local
     */
    public SlashCommandRequests(
            URI endpoint, SlackSigner signer, Clock clock, List<SampleQuestion> questions, String responseUrlBase) {
        this(endpoint, signer, clock, questions, responseUrlBase, false);
    }

    /**
     * @param distinct whether each request's text is made unique (the question followed by its
     *     sequence number), so that no answer comes from the app's cache of recent searches
     */
    SlashCommandRequests(
            URI endpoint,
            SlackSigner signer,
            Clock clock,
            List<SampleQuestion> questions,
            String responseUrlBase,
            boolean distinct) {
        this.distinct = distinct;
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("at least one question is needed");
        }
        this.endpoint = endpoint;
        this.signer = signer;
        this.clock = clock;
        this.questions = questions.stream().map(SampleQuestion::text).toList();
        this.responseUrlBase = responseUrlBase;
    }

    @Override
    public HttpRequest next(long sequence) {
        String body = body(sequence);
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", USER_AGENT)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signer.signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The form body of request {@code sequence}, fields in the order Slack sends them. */
    String body(long sequence) {
        Member user = USERS.get((int) (sequence % USERS.size()));
        Member channel = CHANNELS.get((int) (sequence % CHANNELS.size()));
        String question = questions.get((int) (sequence % questions.size())) + (distinct ? " " + (sequence + 1) : "");
        StringBuilder form = new StringBuilder(512);
        field(form, "token", VERIFICATION_TOKEN);
        field(form, "team_id", TEAM_ID);
        field(form, "team_domain", TEAM_DOMAIN);
        field(form, "channel_id", channel.id());
        field(form, "channel_name", channel.name());
        field(form, "user_id", user.id());
        field(form, "user_name", user.name());
        field(form, "command", "/charter");
        field(form, "text", question);
        field(form, "api_app_id", APP_ID);
        field(form, "is_enterprise_install", "false");
        field(
                form,
                "response_url",
                responseUrlBase + TEAM_ID + "/" + (7_000_000_000L + sequence) + "/" + responseToken(sequence));
        field(form, "trigger_id", (7_000_000_000L + sequence) + ".4242424242." + responseToken(sequence * 31 + 7));
        return form.toString();
    }

    private static void field(StringBuilder form, String name, String value) {
        if (form.length() > 0) {
            form.append('&');
        }
        form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** 24 hex characters that differ from one request to the next, like Slack's opaque tokens. */
    private static String responseToken(long seed) {
        long mixed = seed * 0x9E3779B97F4A7C15L;
        return String.format(Locale.ROOT, "%016x%08x", mixed, (int) (mixed >>> 17));
    }

    /** The ids of the people the commands come from, e.g. to make them charter administrators. */
    public static List<String> userIds() {
        return USERS.stream().map(Member::id).toList();
    }

    /** Whether request {@code sequence} comes from a channel (not a direct message), where {@code nudges} works. */
    public static boolean fromChannel(long sequence) {
        return CHANNELS.get((int) (sequence % CHANNELS.size())).id().startsWith("C");
    }

    private static List<Member> users() {
        List<Member> users = new ArrayList<>();
        for (String last : LAST_NAMES) {
            for (String first : FIRST_NAMES) {
                users.add(new Member(String.format(Locale.ROOT, "U0BENCH%02d", users.size() + 1), first + "." + last));
            }
        }
        return List.copyOf(users);
    }

    static int userCount() {
        return USERS.size();
    }

    /** A Slack user or channel: id and display name. */
    private record Member(String id, String name) {}
}
