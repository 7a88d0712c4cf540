package com.charterbot.bench.rehearsal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack on a loopback port for two workspaces that install the app through OAuth: the Web API
 * ({@code oauth.v2.access} giving each workspace its own token, {@code auth.test} and
 * {@code users.info} answering per token, {@code chat.postMessage} with faults for the nudge
 * channels, each checked to carry its workspace's token, any other method ok) and the response URLs
 * of the load's commands. A response URL is {@code /commands/<key>} for genuine requests and
 * {@code /forged/<key>} for forged ones, so that a forged request that got through shows up here.
 */
final class SlackPlatform implements AutoCloseable {

    /** The workspaces that install the app; people, load channels and nudge channels alternate between them. */
    static final List<String> TEAMS = List.of("T0REHEARSE", "T0REHEARSF");

    static final String CLIENT_ID = "1111.2222";
    static final String TEAM = TEAMS.get(0);
    private static final String TRANSFORMER = "rehearsal-slack-faults";
    private static final Pattern CHANNEL_FIELD = Pattern.compile("(?:^|&)channel=([^&]*)");
    private static final Pattern CHANNEL_JSON = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"]+)\"");

    private final WireMockServer server;

    private SlackPlatform(WireMockServer server) {
        this.server = server;
    }

    /**
     * @param clientTimeout the app's Slack API timeout: a late answer waits longer than that
     */
    static SlackPlatform start(Faults faults, Receipts receipts, Sightings sightings, Duration clientTimeout) {
        long lateMillis = Faults.lateBy(clientTimeout).toMillis();
        ResponseDefinitionTransformerV2 nudgeFaults = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                String channel = channel(event.getRequest().getBodyAsString());
                if (channel == null || !receipts.isNudgeChannel(channel)) {
                    if (channel != null && channel.startsWith("CREH")) {
                        receipts.recordUnexpected();
                    }
                    return event.getResponseDefinition();
                }
                String authorization = event.getRequest().getHeader("Authorization");
                if (!("Bearer " + token(teamOfNudgeChannel(channel))).equals(authorization)) {
                    receipts.recordWrongToken();
                }
                Faults.Answer answer = faults.next();
                receipts.record(channel, answer.kind());
                return switch (answer.kind()) {
                    case ACCEPTED -> posted(channel).build();
                    case LATE ->
                        posted(channel).withFixedDelay((int) lateMillis).build();
                    case RATE_LIMITED ->
                        aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()))
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")
                                .build();
                    case SERVER_ERROR ->
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"ok\":false,\"error\":\"internal_error\"}")
                                .build();
                };
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }

            @Override
            public String getName() {
                return TRANSFORMER;
            }
        };
        WireMockServer server = Faults.stub(nudgeFaults);
        for (String team : TEAMS) {
            String bearer = "Bearer " + token(team);
            server.stubFor(post(urlPathEqualTo("/api/auth.test"))
                    .withHeader("Authorization", equalTo(bearer))
                    .atPriority(1)
                    .willReturn(json("""
                    {"ok":true,"url":"https://%s.slack.com/","team":"Rehearsal","user":"charter",\
                    "team_id":"%s","user_id":"U0BOT%s","bot_id":"B0BOT"}""".formatted(team.toLowerCase(Locale.ROOT), team, team))));
            server.stubFor(post(urlPathEqualTo("/api/users.info"))
                    .withHeader("Authorization", equalTo(bearer))
                    .atPriority(1)
                    .willReturn(json("""
                    {"ok":true,"user":{"id":"U0SOMEONE","team_id":"%s","is_admin":false,"is_owner":false,"is_primary_owner":false}}""".formatted(team))));
            server.stubFor(post(urlPathEqualTo("/api/oauth.v2.access"))
                    .withRequestBody(containing("code=" + code(team)))
                    .atPriority(1)
                    .willReturn(json("""
                            {"ok":true,"app_id":"A0REHEARSE","authed_user":{"id":"U0INSTALLER"},"scope":"chat:write,commands",\
                            "token_type":"bot","access_token":"%s","bot_user_id":"U0BOT%s","team":{"id":"%s","name":"Rehearsal"},\
                            "enterprise":null,"is_enterprise_install":false}""".formatted(token(team), team, team))));
        }
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .atPriority(1)
                .willReturn(json("{\"ok\":true,\"channel\":\"C0\",\"ts\":\"1700000000.000100\"}")
                        .withTransformers(TRANSFORMER)));
        server.stubFor(post(urlPathMatching("/api/.*")).atPriority(5).willReturn(json("{\"ok\":true}")));
        server.stubFor(any(urlPathMatching("/(commands|forged)/.*"))
                .atPriority(5)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        server.addMockServiceRequestListener((request, response) -> {
            String path = request.getUrl().replaceFirst("\\?.*", "");
            String key = path.substring(path.lastIndexOf('/') + 1);
            if (path.startsWith("/commands/")) {
                sightings.reply(key);
                path = "/commands/...";
            } else if (path.startsWith("/forged/")) {
                sightings.forged("slack response URL " + key);
                path = "/forged/...";
            }
            sightings.call("Slack " + request.getMethod() + " " + path + " -> " + response.getStatus());
        });
        server.start();
        return new SlackPlatform(server);
    }

    private static ResponseDefinitionBuilder posted(String channel) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000.000100\"}");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** The bot token Slack gives a workspace when it installs the app. */
    static String token(String team) {
        return "xoxb-rehearsal-" + team.toLowerCase(Locale.ROOT);
    }

    /** The code Slack sends back to the redirect URL for a workspace's install. */
    static String code(String team) {
        return "rehearsal-code-" + team.toLowerCase(Locale.ROOT);
    }

    /** The workspace of a load user (or channel) by its number: alternating. */
    static String team(int number) {
        return TEAMS.get(Math.floorMod(number, TEAMS.size()));
    }

    /** The workspace of a seeded nudge channel ({@code CREH00042}): alternating by its number. */
    static String teamOfNudgeChannel(String channel) {
        return team(Integer.parseInt(channel.substring(4)));
    }

    /** The {@code channel} of a {@code chat.postMessage}, form-encoded (as the Slack SDK sends it) or JSON. */
    static String channel(String body) {
        if (body == null) {
            return null;
        }
        Matcher form = CHANNEL_FIELD.matcher(body);
        if (form.find()) {
            return URLDecoder.decode(form.group(1), StandardCharsets.UTF_8);
        }
        Matcher json = CHANNEL_JSON.matcher(body);
        return json.find() ? json.group(1) : null;
    }

    /** For {@code charter.slack.api-url}. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    /** Where the load's response URLs point, up to the key. */
    String commandsUrl() {
        return "http://127.0.0.1:" + server.port() + "/commands/";
    }

    String forgedUrl() {
        return "http://127.0.0.1:" + server.port() + "/forged/";
    }

    @Override
    public void close() {
        server.stop();
    }
}
