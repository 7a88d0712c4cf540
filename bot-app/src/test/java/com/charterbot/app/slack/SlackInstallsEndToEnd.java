package com.charterbot.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.nudge.PlatformChannelMessenger;
import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.ChannelMessenger;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.ChannelStore;
import com.charterbot.core.nudge.DeliveryStore;
import com.charterbot.core.nudge.NudgeDelivery;
import com.charterbot.core.nudge.NudgeDispatcher;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.nudge.SendOutcome;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole application installed in many workspaces through Slack's OAuth flow, on a real
 * database: the install page and the redirect URL of the real servlet, WireMock standing in for
 * {@code oauth.v2.access} and the Web API, signed requests through {@code /slack/events}. Two
 * workspaces and one Enterprise Grid organization are installed; each is answered with its own
 * token (checked on the stub's {@code Authorization} headers); a replayed or forged state installs
 * nothing; an uninstall leaves the others working; a rotating token that expires during a fan-out
 * is refreshed once and every nudge goes out. Run on H2 and on PostgreSQL by the two subclasses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SlackInstallsEndToEnd.Clocks.class)
abstract class SlackInstallsEndToEnd {

    static final String CLIENT_ID = "1234.5678";
    static final String CLIENT_SECRET = "e2e-client-secret-77b1";
    static final String STATE_SECRET = "e2e-state-secret-0123456789abcdef0123";
    static final String SIGNING_SECRET = "e2e-oauth-signing-secret";
    static final String ENCRYPTION_KEY =
            Base64.getEncoder().encodeToString("e2e-token-encryption-key-32bytes".getBytes(StandardCharsets.UTF_8));
    static final Duration WAIT = Duration.ofSeconds(15);
    static final WireMockServer SLACK = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    /** A workspace or organization the app gets installed in, with what Slack gives for it. */
    record Place(String code, String team, String enterprise, String token, String botUser) {
        boolean org() {
            return team == null;
        }
    }

    static final Place ALPHA = new Place("code-alpha", "T0ALPHA", null, "xoxb-1-alpha-token", "U0BOTALPHA");
    static final Place BETA = new Place("code-beta", "T0BETA", null, "xoxb-2-beta-token", "U0BOTBETA");
    static final Place GRID = new Place("code-grid", null, "E0GRID", "xoxb-3-grid-org-token", "U0BOTGRID");
    static final String GRID_WORKSPACE = "T0GRIDA";

    static {
        SLACK.start();
    }

    static void common(DynamicPropertyRegistry registry) {
        registry.add("charter.slack.signing-secret", () -> SIGNING_SECRET);
        registry.add("charter.slack.bot-token", () -> "");
        registry.add("charter.slack.app-token", () -> "");
        registry.add("charter.slack.client-id", () -> CLIENT_ID);
        registry.add("charter.slack.client-secret", () -> CLIENT_SECRET);
        registry.add("charter.slack.state-secret", () -> STATE_SECRET);
        registry.add("charter.slack.token-encryption-key", () -> ENCRYPTION_KEY);
        registry.add("charter.slack.api-url", () -> "http://127.0.0.1:" + SLACK.port() + "/api/");
        registry.add("charter.scheduler.enabled", () -> "false");
        registry.add("charter.scheduler.tenant-budget-per-second", () -> "1000");
    }

    /** Real time moved forward at will: the tokens' expiry is checked against it. */
    static final class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration duration) {
            ahead = ahead.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), ahead);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelStore channels;

    @Autowired
    List<PlatformChannelMessenger> messengers;

    @Autowired
    JdbcSlackInstallations installations;

    @Autowired
    NudgeDispatcher dispatcher;

    @Autowired
    DeliveryStore deliveries;

    @Autowired
    MovableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void stubSlack() {
        SLACK.resetAll();
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1741600000.000100\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.info"))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0\",\"name\":\"general\"}}")));
        SLACK.stubFor(post(urlPathMatching("/hooks/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        for (Place place : List.of(ALPHA, BETA, GRID)) {
            stubPlace(place, place.token());
        }
    }

    private static void stubPlace(Place place, String token) {
        String identity = place.org()
                ? "\"team_id\":\"" + place.enterprise() + "\",\"enterprise_id\":\"" + place.enterprise()
                        + "\",\"is_enterprise_install\":true"
                : "\"team_id\":\"" + place.team() + "\"";
        SLACK.stubFor(post(urlEqualTo("/api/auth.test"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(
                        "{\"ok\":true,\"url\":\"https://acme.enterprise.slack.com/\",\"user\":\"charter\",\"user_id\":\""
                                + place.botUser() + "\",\"bot_id\":\"B" + place.botUser() + "\"," + identity + "}")));
        String where = place.org()
                ? "\"team\":null,\"enterprise\":{\"id\":\"" + place.enterprise()
                        + "\",\"name\":\"Grid\"},\"is_enterprise_install\":true"
                : "\"team\":{\"id\":\"" + place.team() + "\",\"name\":\"" + place.team()
                        + "\"},\"enterprise\":null,\"is_enterprise_install\":false";
        SLACK.stubFor(post(urlEqualTo("/api/oauth.v2.access"))
                .withRequestBody(containing("code=" + place.code()))
                .willReturn(okJson(
                        "{\"ok\":true,\"app_id\":\"A0CHARTER\",\"authed_user\":{\"id\":\"U0INSTALLER\"},\"scope\":\"chat:write,commands\","
                                + "\"token_type\":\"bot\",\"access_token\":\"" + token + "\",\"bot_user_id\":\""
                                + place.botUser() + "\"," + where + "}")));
    }

    // ----- the OAuth flow -----

    @Test
    void installsTwoWorkspacesAndAnOrganizationAndAnswersEachWithItsOwnToken() throws Exception {
        for (Place place : List.of(ALPHA, BETA, GRID)) {
            HttpResponse<String> done = install(place.code());
            assertThat(done.statusCode()).as("installed %s", place).isEqualTo(200);
            assertThat(done.body()).contains("Charter Bot is installed", "Charter Bot est installé");
        }
        assertThat(String.join(
                        "\n",
                        jdbc.sql("SELECT install_key, bot_token FROM slack_installation")
                                .query((row, n) -> row.getString(1) + " " + row.getString(2))
                                .list()))
                .contains("team:T0ALPHA", "team:T0BETA", "org:E0GRID")
                .doesNotContain("alpha-token", "beta-token", "grid-org-token");

        mention(ALPHA.team(), null, ALPHA.botUser(), "C0ALPHA", "can I post a photo of the plant?");
        mention(BETA.team(), null, BETA.botUser(), "C0BETA", "can I post a photo of the plant?");
        mention(GRID_WORKSPACE, GRID.enterprise(), GRID.botUser(), "C0GRIDA", "can I post a photo of the plant?");

        assertThat(waitForPosts("C0ALPHA", 1)).allMatch(post -> bearer(post, ALPHA.token()));
        assertThat(waitForPosts("C0BETA", 1)).allMatch(post -> bearer(post, BETA.token()));
        assertThat(waitForPosts("C0GRIDA", 1))
                .as("a workspace of the org, by the org-wide installation")
                .allMatch(post -> bearer(post, GRID.token()));
        waitUntil(() -> installations.enterpriseOf(GRID_WORKSPACE).isPresent());

        assertThat(nudge(ALPHA.team(), "C0NUDGEA")).isInstanceOf(SendOutcome.Sent.class);
        assertThat(nudge(BETA.team(), "C0NUDGEB")).isInstanceOf(SendOutcome.Sent.class);
        assertThat(nudge(GRID_WORKSPACE, "C0NUDGEG")).isInstanceOf(SendOutcome.Sent.class);
        assertThat(posts("C0NUDGEA")).singleElement().matches(post -> bearer(post, ALPHA.token()));
        assertThat(posts("C0NUDGEB")).singleElement().matches(post -> bearer(post, BETA.token()));
        assertThat(posts("C0NUDGEG")).singleElement().matches(post -> bearer(post, GRID.token()));
        assertThat(nudge("T0NEVER", "C0NEVER"))
                .isEqualTo(new SendOutcome.Permanent(ChannelMembershipService.REASON_UNINSTALLED));
    }

    @Test
    void aWorkspaceAdminIsAskedAboutWithTheirOwnWorkspacesTokenAndAdministersOnlyThere() throws Exception {
        install(ALPHA.code());
        install(BETA.code());
        String boss = "U0BOSS";
        SLACK.stubFor(post(urlEqualTo("/api/users.info"))
                .withHeader("Authorization", equalTo("Bearer " + ALPHA.token()))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + boss + "\",\"team_id\":\"" + ALPHA.team()
                        + "\",\"is_admin\":true}}")));
        SLACK.stubFor(post(urlEqualTo("/api/users.info"))
                .withHeader("Authorization", equalTo("Bearer " + BETA.token()))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + boss + "\",\"team_id\":\"" + ALPHA.team()
                        + "\",\"is_admin\":true}}")));

        HttpResponse<String> atHome = events(slashCommand(ALPHA.team(), boss, "C0ADMINA", "nudges daily 09:15"));
        HttpResponse<String> elsewhere = events(slashCommand(BETA.team(), boss, "C0ADMINB", "nudges daily 09:15"));

        assertThat(atHome.statusCode()).isEqualTo(200);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(channels.find(new ChannelRef(Platform.SLACK, ALPHA.team(), "C0ADMINA")))
                .as("an admin of Alpha, in Alpha")
                .isPresent();
        assertThat(channels.find(new ChannelRef(Platform.SLACK, BETA.team(), "C0ADMINB")))
                .as("Slack places them in Alpha only")
                .isEmpty();
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/users.info"))
                        .withHeader("Authorization", equalTo("Bearer " + ALPHA.token()))))
                .isNotEmpty();
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/users.info"))
                        .withHeader("Authorization", equalTo("Bearer " + BETA.token()))))
                .as("Beta's own token asks about a request from Beta")
                .isNotEmpty();
    }

    @Test
    void anOrgAdminsStatisticsCoverTheOrganizationAndAWorkspaceAdminsTheirWorkspace() throws Exception {
        install(GRID.code());
        mention(GRID_WORKSPACE, GRID.enterprise(), GRID.botUser(), "C0STATSA", "can I post a photo of the plant?");
        mention("T0GRIDB", GRID.enterprise(), GRID.botUser(), "C0STATSB", "can I post a photo of the plant?");
        waitUntil(() -> installations.enterpriseOf("T0GRIDB").isPresent()
                && installations.enterpriseOf(GRID_WORKSPACE).isPresent());
        SLACK.stubFor(post(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=U0ORGADMIN"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0ORGADMIN\",\"team_id\":\"" + GRID_WORKSPACE
                        + "\",\"is_admin\":false,"
                        + "\"enterprise_user\":{\"id\":\"U0ORGADMIN\",\"enterprise_id\":\"" + GRID.enterprise()
                        + "\",\"is_admin\":true,"
                        + "\"teams\":[\"" + GRID_WORKSPACE + "\"]}}}")));
        SLACK.stubFor(post(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=U0WSADMIN"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0WSADMIN\",\"team_id\":\"" + GRID_WORKSPACE
                        + "\",\"is_admin\":true}}")));

        HttpResponse<String> org = events(slashCommand(GRID_WORKSPACE, "U0ORGADMIN", "C0STATSA", "stats"));
        HttpResponse<String> workspace = events(slashCommand(GRID_WORKSPACE, "U0WSADMIN", "C0STATSA", "stats"));

        assertThat(org.body()).contains("These figures cover the 2 workspaces of your organization");
        assertThat(workspace.body()).contains("These figures cover this workspace only");
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/users.info"))))
                .allMatch(request -> bearer(request, GRID.token()));
    }

    @Test
    void aReplayedStateAForgedOneAndOneWithoutItsBrowserCookieInstallNothing() throws Exception {
        Place replayed = new Place("code-replayed", "T0REPLAY", null, "xoxb-4-replay-token", "U0BOTREPLAY");
        Place forged = new Place("code-forged", "T0FORGED", null, "xoxb-5-forged-token", "U0BOTFORGED");
        stubPlace(replayed, replayed.token());
        stubPlace(forged, forged.token());

        String state = startInstall();
        HttpResponse<String> cookieless =
                get("/slack/oauth_redirect?code=" + replayed.code() + "&state=" + state, null);
        HttpResponse<String> first = get("/slack/oauth_redirect?code=" + replayed.code() + "&state=" + state, state);
        HttpResponse<String> again = get("/slack/oauth_redirect?code=" + replayed.code() + "&state=" + state, state);
        String fake = "bm9uY2Vub25jZW5vbmNl." + (Instant.now().getEpochSecond() + 300)
                + ".c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl";
        HttpResponse<String> forgery = get("/slack/oauth_redirect?code=" + forged.code() + "&state=" + fake, fake);
        String tamperedState = tamper(startInstall());
        HttpResponse<String> tampered =
                get("/slack/oauth_redirect?code=" + forged.code() + "&state=" + tamperedState, tamperedState);

        assertThat(cookieless.statusCode())
                .as("a state without its browser's cookie")
                .isEqualTo(400);
        assertThat(first.statusCode()).as("the state's own browser, once").isEqualTo(200);
        assertThat(List.of(again, forgery, tampered)).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("invalid_state", "L’installation n’a pas abouti")
                    .doesNotContain("Exception", "at com.");
        });
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
                        .withRequestBody(containing("code=" + replayed.code()))))
                .as("the code is exchanged once")
                .hasSize(1);
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
                        .withRequestBody(containing("code=" + forged.code()))))
                .isEmpty();
        assertThat(installations.find("team:T0FORGED")).isEmpty();
        assertThat(installations.find("team:T0REPLAY")).isPresent();
    }

    @Test
    void anUninstalledWorkspaceLosesItsTokensAndItsChannelsPauseWhileTheOthersKeepWorking() throws Exception {
        Place gone = new Place("code-gone", "T0GONE", null, "xoxb-6-gone-token", "U0BOTGONE");
        stubPlace(gone, gone.token());
        install(ALPHA.code());
        install(GRID.code());
        install(gone.code());
        ChannelRef goneChannel = new ChannelRef(Platform.SLACK, gone.team(), "C0GONECHAN");
        ChannelRef alphaChannel = new ChannelRef(Platform.SLACK, ALPHA.team(), "C0STAYS");
        channels.save(
                ChannelState.of(goneChannel, "gone", NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN)));
        channels.save(
                ChannelState.of(alphaChannel, "stays", NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN)));

        assertThat(events(event(gone.team(), null, null, "{\"type\":\"app_uninstalled\"}", false))
                        .statusCode())
                .isEqualTo(200);

        waitUntil(() -> installations.find("team:" + gone.team()).isEmpty());
        waitUntil(() -> channels.find(goneChannel).orElseThrow().status() == ChannelState.Status.PAUSED);
        assertThat(channels.find(goneChannel).orElseThrow().pauseReason())
                .isEqualTo(ChannelMembershipService.REASON_UNINSTALLED);
        assertThat(channels.find(alphaChannel).orElseThrow().status()).isEqualTo(ChannelState.Status.ACTIVE);
        assertThat(installations.find("team:" + ALPHA.team())).isPresent();
        assertThat(installations.find("org:" + GRID.enterprise())).isPresent();

        mention(ALPHA.team(), null, ALPHA.botUser(), "C0AFTER", "can I post a photo of the plant?");
        mention(GRID_WORKSPACE, GRID.enterprise(), GRID.botUser(), "C0GRIDAFTER", "can I post a photo of the plant?");
        assertThat(waitForPosts("C0AFTER", 1)).allMatch(post -> bearer(post, ALPHA.token()));
        assertThat(waitForPosts("C0GRIDAFTER", 1)).allMatch(post -> bearer(post, GRID.token()));
        HttpResponse<String> fromGone = events(event(
                gone.team(),
                null,
                gone.botUser(),
                "{\"type\":\"app_mention\",\"user\":\"U0EMP\",\"text\":\"hello\",\"ts\":\"1.2\",\"channel\":\"C0GONEMSG\",\"event_ts\":\"1.2\"}",
                false));
        assertThat(fromGone.statusCode())
                .as("an event of a workspace without installation")
                .isEqualTo(401);
        assertThat(nudge(gone.team(), "C0GONENUDGE"))
                .isEqualTo(new SendOutcome.Permanent(ChannelMembershipService.REASON_UNINSTALLED));
        Thread.sleep(300);
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                        .withHeader("Authorization", equalTo("Bearer " + gone.token()))))
                .as("nothing more with its token")
                .isEmpty();

        HttpResponse<String> command = events(slashCommand(gone.team(), "U0EMP", "C0GONECMD", "help"));
        assertThat(command.statusCode()).isEqualTo(200);
        waitUntil(() ->
                !SLACK.findAll(postRequestedFor(urlPathMatching("/hooks/.*"))).isEmpty());
        assertThat(SLACK.findAll(postRequestedFor(urlPathMatching("/hooks/.*")))
                        .get(0)
                        .getBodyAsString())
                .as("the person is told to ask for an install, in both languages")
                .contains("not installed in this workspace", "n’est pas installé");
    }

    // ----- token rotation -----

    @Test
    void aTokenThatExpiresDuringAFanOutIsRefreshedOnceAndEveryNudgeGoesOut() throws Exception {
        Place rotating = new Place("code-rotating", "T0ROTATE", null, "xoxe.xoxb-7-rotate-first", "U0BOTROTATE");
        String secondToken = "xoxe.xoxb-7-rotate-second";
        stubPlace(rotating, rotating.token());
        stubPlace(rotating, secondToken);
        SLACK.stubFor(post(urlEqualTo("/api/oauth.v2.access"))
                .withRequestBody(containing("code=" + rotating.code()))
                .willReturn(okJson(
                        "{\"ok\":true,\"app_id\":\"A0CHARTER\",\"authed_user\":{\"id\":\"U0INSTALLER\"},\"scope\":\"chat:write\","
                                + "\"token_type\":\"bot\",\"access_token\":\"" + rotating.token()
                                + "\",\"refresh_token\":\"xoxe-1-refresh-first\","
                                + "\"expires_in\":43200,\"bot_user_id\":\"" + rotating.botUser()
                                + "\",\"team\":{\"id\":\"" + rotating.team()
                                + "\"},\"enterprise\":null,\"is_enterprise_install\":false}")));
        SLACK.stubFor(post(urlEqualTo("/api/oauth.v2.access"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=xoxe-1-refresh-first"))
                .willReturn(okJson(
                        "{\"ok\":true,\"app_id\":\"A0CHARTER\",\"token_type\":\"bot\",\"access_token\":\"" + secondToken
                                + "\",\"refresh_token\":\"xoxe-1-refresh-second\",\"expires_in\":43200,\"team\":{\"id\":\""
                                + rotating.team() + "\"}}")));
        assertThat(install(rotating.code()).statusCode()).isEqualTo(200);

        int count = 24;
        List<ChannelRef> fanOut = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChannelRef channel = new ChannelRef(Platform.SLACK, rotating.team(), "C0FAN" + i);
            channels.save(
                    ChannelState.of(channel, "fan " + i, NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN))
                            .delivered(clock.instant().minus(Duration.ofDays(8)), NudgeSent.Kind.TIP));
            fanOut.add(channel);
        }
        List<NudgeDelivery> planned = dispatcher.plan(clock.instant()).stream()
                .filter(delivery -> delivery.channel().tenant().equals(rotating.team()))
                .toList();
        assertThat(planned).hasSize(count);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            deliverAll(threads, planned.subList(0, count / 2));
            // Ten hours later: the token now expires within the two hours it is refreshed ahead of.
            clock.advance(Duration.ofHours(10).plusMinutes(30));
            deliverAll(threads, planned.subList(count / 2, count));
        } finally {
            threads.shutdownNow();
        }

        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/oauth.v2.access"))
                        .withRequestBody(containing("grant_type=refresh_token"))))
                .as("the refresh token is spent once")
                .hasSize(1);
        for (int i = 0; i < count; i++) {
            List<LoggedRequest> sent = posts("C0FAN" + i + "\\b");
            assertThat(sent).as("channel %d", i).hasSize(1);
            assertThat(bearer(sent.get(0), i < count / 2 ? rotating.token() : secondToken))
                    .as("channel %d's token", i)
                    .isTrue();
        }
        assertThat(planned)
                .allSatisfy(delivery -> assertThat(
                                deliveries.find(delivery.id()).orElseThrow().status())
                        .isEqualTo(NudgeDelivery.Status.SENT));
        assertThat(installations.find("team:" + rotating.team()).orElseThrow().botRefreshToken())
                .isEqualTo("xoxe-1-refresh-second");
    }

    private void deliverAll(ExecutorService threads, List<NudgeDelivery> planned) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (NudgeDelivery delivery : planned) {
            running.add(threads.submit(() -> dispatcher.deliver(delivery.id())));
        }
        for (Future<?> result : running) {
            result.get(30, TimeUnit.SECONDS);
        }
    }

    // ----- helpers -----

    /** The install page, then Slack's redirect back with the code, from the same browser (its state cookie). */
    HttpResponse<String> install(String code) throws Exception {
        String state = startInstall();
        return get(
                "/slack/oauth_redirect?code=" + code + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8),
                state);
    }

    /** The install page's state, checked to be the one its cookie holds. */
    String startInstall() throws Exception {
        HttpResponse<String> page = get("/slack/install", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Add to Slack / Ajouter à Slack", "client_id=" + CLIENT_ID);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        Matcher state = Pattern.compile("state=([A-Za-z0-9_.\\-]+)").matcher(page.body());
        assertThat(state.find()).isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("slack-app-oauth-state=" + state.group(1) + ";")
                .contains("HttpOnly", "Secure");
        return state.group(1);
    }

    private static String tamper(String state) {
        int dot = state.indexOf('.');
        char first = state.charAt(0);
        return (first == 'A' ? 'B' : 'A') + state.substring(1, dot) + state.substring(dot);
    }

    HttpResponse<String> get(String path, String stateCookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (stateCookie != null) {
            request.header("Cookie", "slack-app-oauth-state=" + stateCookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    SendOutcome nudge(String team, String channel) {
        ChannelMessenger slack = messengers.stream()
                .filter(m -> m.platform() == Platform.SLACK)
                .findFirst()
                .orElseThrow()
                .messenger();
        return slack.send(
                ChannelState.of(
                        new ChannelRef(Platform.SLACK, team, channel),
                        "nudged",
                        NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN)),
                Reply.of(
                        Language.EN,
                        Reply.Delivery.CONVERSATION,
                        List.of(new Block.Text("Check who is in the background."))));
    }

    void mention(String team, String enterprise, String botUser, String channel, String text) throws Exception {
        String event = "{\"type\":\"app_mention\",\"user\":\"U0EMP\",\"text\":\"<@" + botUser + "> " + text
                + "\",\"ts\":\"1741600000.0001\"," + "\"channel\":\"" + channel
                + "\",\"event_ts\":\"1741600000.0001\"}";
        HttpResponse<String> response = events(event(team, enterprise, botUser, event, enterprise != null));
        assertThat(response.statusCode()).as("mention in %s", team).isEqualTo(200);
    }

    private static String event(String team, String enterprise, String botUser, String event, boolean orgInstall) {
        String enterpriseJson = enterprise == null ? "null" : "\"" + enterprise + "\"";
        String authorizations = botUser == null
                ? ""
                : ",\"authorizations\":[{\"enterprise_id\":" + enterpriseJson + ",\"team_id\":"
                        + (orgInstall ? "null" : "\"" + team + "\"") + ",\"user_id\":\"" + botUser
                        + "\",\"is_bot\":true,\"is_enterprise_install\":"
                        + orgInstall + "}]";
        return "{\"token\":\"unused\",\"team_id\":\"" + team + "\",\"enterprise_id\":" + enterpriseJson
                + ",\"api_app_id\":\"A0CHARTER\","
                + "\"event\":" + event + ",\"type\":\"event_callback\",\"event_id\":\"Ev" + System.nanoTime()
                + "\",\"event_time\":1741600000"
                + authorizations + "}";
    }

    private String slashCommand(String team, String user, String channel, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "unused");
        fields.put("team_id", team);
        fields.put("channel_id", channel);
        fields.put("user_id", user);
        fields.put("command", "/charter");
        fields.put("text", text);
        fields.put("api_app_id", "A0CHARTER");
        fields.put("response_url", "http://127.0.0.1:" + SLACK.port() + "/hooks/commands/" + team + "/1/abc");
        fields.put("trigger_id", "1.2.abc");
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> events(String body) throws Exception {
        Instant at = Instant.now();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(
                                ("v0:" + at.getEpochSecond() + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                        .header(
                                "Content-Type",
                                body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", Long.toString(at.getEpochSecond()))
                        .header("X-Slack-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean bearer(LoggedRequest request, String token) {
        return ("Bearer " + token).equals(request.getHeader("Authorization"));
    }

    /** The posts to a channel (a regular expression on the form body's channel field). */
    static List<LoggedRequest> posts(String channel) {
        Pattern field = Pattern.compile("channel=" + channel);
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .filter(request -> field.matcher(request.getBodyAsString()).find())
                .toList();
    }

    static List<LoggedRequest> waitForPosts(String channel, int count) throws InterruptedException {
        waitUntil(() -> posts(channel).size() >= count);
        return posts(channel);
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not so after " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
