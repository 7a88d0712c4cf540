package com.charterbot.bench.rehearsal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot Framework on a loopback port: its OpenID metadata and signing keys (so the app validates
 * the load's tokens as it would Teams'), and the Bot Connector service under {@value #CONNECTOR_PATH}
 * (replies, proactive sends, updates). Proactive sends to the nudge conversations get faults; replies
 * to the load's activities are noted by their reply-to id, with the quiz answer buttons they carry.
 * Anything reaching a forged conversation, or the off-allow-list path {@value #ELSEWHERE}, is a forged
 * request that got through.
 */
final class TeamsPlatform implements AutoCloseable {

    static final String CONNECTOR_PATH = "/teams/";
    static final String ELSEWHERE = "/elsewhere/";
    static final String NUDGE_CONVERSATION_PREFIX = "19:reh-nudge-";
    static final String PERSONAL_PREFIX = "a:1reh-p";
    static final String FORGED_PREFIX = "a:1forged-";
    private static final String TRANSFORMER = "rehearsal-teams-faults";
    private static final Pattern ACTIVITIES =
            Pattern.compile(CONNECTOR_PATH + "v3/conversations/([^/]+)/activities(?:/([^/?]+))?");
    private static final Pattern QUIZ_BUTTON = Pattern.compile(
            "\"actionId\"\\s*:\\s*\"(charter\\.quiz\\.answer)\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]+)\"");

    private final WireMockServer server;

    private TeamsPlatform(WireMockServer server) {
        this.server = server;
    }

    /**
     * @param clientTimeout how long the app waits for a proactive send: a late answer waits longer
     */
    static TeamsPlatform start(
            Faults faults, Receipts receipts, Sightings sightings, BotFrameworkTokens tokens, Duration clientTimeout) {
        long lateMillis = Faults.lateBy(clientTimeout).toMillis();
        ResponseDefinitionTransformerV2 connector = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                Matcher path = ACTIVITIES.matcher(event.getRequest().getUrl().replaceFirst("\\?.*", ""));
                if (!path.matches()) {
                    return event.getResponseDefinition();
                }
                String conversation = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
                String replyTo =
                        path.group(2) == null ? null : URLDecoder.decode(path.group(2), StandardCharsets.UTF_8);
                if (conversation.startsWith(FORGED_PREFIX)) {
                    sightings.forged("Teams connector call for " + conversation);
                    return event.getResponseDefinition();
                }
                if (!conversation.startsWith(NUDGE_CONVERSATION_PREFIX)) {
                    if (replyTo != null) {
                        sightings.reply(replyTo);
                    }
                    quizButton(conversation, event.getRequest().getBodyAsString(), sightings);
                    return event.getResponseDefinition();
                }
                if (!receipts.isNudgeChannel(conversation)) {
                    receipts.recordUnexpected();
                    return event.getResponseDefinition();
                }
                Faults.Answer answer = faults.next();
                receipts.record(conversation, answer.kind());
                return switch (answer.kind()) {
                    case ACCEPTED -> created().build();
                    case LATE -> created().withFixedDelay((int) lateMillis).build();
                    case RATE_LIMITED ->
                        aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", Integer.toString(answer.retryAfterSeconds()))
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"rehearsal\"}}")
                                .build();
                    case SERVER_ERROR ->
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"code\":\"ServiceError\",\"message\":\"rehearsal\"}}")
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
        WireMockServer server = Faults.stub(connector);
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration"))
                .willReturn(json("""
                {"issuer":"%s","authorization_endpoint":"%s/v1/authorize","jwks_uri":"%s/v1/.well-known/keys",\
                "id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["private_key_jwt"]}""".formatted(BotFrameworkTokens.ISSUER, base, base))));
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(json(tokens.jwks())));
        server.stubFor(post(urlPathMatching(CONNECTOR_PATH + "v3/conversations/[^/]+/activities(/[^/]+)?"))
                .willReturn(created().withTransformers(TRANSFORMER)));
        server.stubFor(put(urlPathMatching(CONNECTOR_PATH + "v3/conversations/[^/]+/activities/[^/]+"))
                .willReturn(created().withTransformers(TRANSFORMER)));
        server.stubFor(post(urlPathEqualTo(CONNECTOR_PATH + "v3/conversations"))
                .willReturn(json("{\"id\":\"a:1created-by-bot\"}")));
        server.stubFor(any(urlPathMatching(ELSEWHERE + ".*")).willReturn(json("{\"id\":\"1\"}")));
        server.addMockServiceRequestListener((request, response) -> {
            String path = request.getUrl().replaceFirst("\\?.*", "");
            if (path.startsWith(ELSEWHERE)) {
                sightings.forged("a call to the off-allow-list service URL " + path);
            }
            String shape = path.replaceAll(
                            "/conversations/" + Pattern.quote(NUDGE_CONVERSATION_PREFIX) + "[^/]+",
                            "/conversations/{nudge}")
                    .replaceAll("/conversations/[^/{]+", "/conversations/{id}")
                    .replaceAll("/activities/[^/]+", "/activities/{id}");
            sightings.call("Teams " + request.getMethod() + " " + shape + " -> " + response.getStatus());
        });
        return new TeamsPlatform(server);
    }

    private static void quizButton(String conversation, String body, Sightings sightings) {
        if (body == null || !conversation.startsWith(PERSONAL_PREFIX)) {
            return;
        }
        Matcher button = QUIZ_BUTTON.matcher(body);
        if (button.find()) {
            try {
                int person = Integer.parseInt(conversation.substring(PERSONAL_PREFIX.length()));
                sightings.teamsQuizButton(
                        new Sightings.QuizButton(person, conversation, button.group(1), button.group(2)));
            } catch (NumberFormatException ignored) {
                // not one of the load's personal chats
            }
        }
    }

    private static ResponseDefinitionBuilder created() {
        return json("{\"id\":\"1741600000000\"}");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** The Bot Connector service URL of the load's conversations and of the nudge conversations' references. */
    String serviceUrl() {
        return "http://127.0.0.1:" + server.port() + CONNECTOR_PATH;
    }

    /** A service URL on the same host that is not on the app's allow-list. */
    String offListServiceUrl() {
        return "http://127.0.0.1:" + server.port() + ELSEWHERE;
    }

    /** For {@code charter.teams.open-id-metadata-url}. */
    String openIdMetadataUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1/.well-known/openidconfiguration";
    }

    @Override
    public void close() {
        server.stop();
    }
}
