package com.charterbot.app.web;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients that trickle their bodies cannot take the bot offline: the whole application on a random
 * port, 250 connections that send headers and then one byte of their body, and a normal signed
 * Slack request in the middle of them. Before {@link RequestBodyFilter}, each trickle held one of
 * Tomcat's 200 request threads until its body was whole, and the signed request waited behind them.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"charter.http.body-timeout=2s", "charter.scheduler.enabled=false"})
class SlowBodiesTest {

    private static final String SECRET = "slow-bodies-signing-secret-7c2e";
    private static final int TRICKLES = 250;
    private static final WireMockServer SLACK = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        SLACK.start();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test"))
                .willReturn(okJson("{\"ok\":true,\"team_id\":\"T0SLOW\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0ANY\",\"team_id\":\"T0SLOW\"}}")));
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("charter.slack.signing-secret", () -> SECRET);
        registry.add("charter.slack.bot-token", () -> "xoxb-slow-0000-token");
        registry.add("charter.slack.app-token", () -> "");
        registry.add("charter.slack.api-url", () -> "http://127.0.0.1:" + SLACK.port() + "/api/");
    }

    @AfterAll
    static void stopSlack() {
        SLACK.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aSignedRequestIsAnsweredWhileTwoHundredFiftyBodiesTrickleAndTheTricklesGet408() throws Exception {
        List<Socket> trickles = new ArrayList<>();
        try {
            for (int i = 0; i < TRICKLES; i++) {
                trickles.add(trickle(i % 2 == 0 ? "/slack/events" : "/api/messages"));
            }
            HttpResponse<String> answered = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(signedHelp(), HttpResponse.BodyHandlers.ofString());

            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("blocks");
            for (Socket trickle : trickles.subList(0, 10)) {
                assertThat(statusLine(trickle)).startsWith("HTTP/1.1 408");
            }
        } finally {
            for (Socket trickle : trickles) {
                trickle.close();
            }
        }
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeReading() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aSignedBodyThatArrivesInTwoPartsIsReadWholeAndAnswered() throws Exception {
        Signed help = help();
        byte[] bytes = help.body().getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            String head = "POST /slack/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Slack-Request-Timestamp: " + help.timestamp() + "\r\n"
                    + "X-Slack-Signature: " + help.signature() + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.flush();
            Thread.sleep(300);
            out.write(bytes, half, bytes.length - half);
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("blocks");
        }
    }

    private Socket trickle(String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
                ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 1000\r\n\r\nt")
                        .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /** A signed {@code /charter help}: its body and the two headers that sign it. */
    private record Signed(String body, String timestamp, String signature) {}

    private static Signed help() throws Exception {
        String body = "token=x&team_id=T0SLOW&channel_id=C0SLOW&user_id=U0ALICE&command="
                + URLEncoder.encode("/charter", StandardCharsets.UTF_8) + "&text=help&response_url="
                + URLEncoder.encode("http://127.0.0.1:" + SLACK.port() + "/hook", StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return new Signed(body, String.valueOf(timestamp), signature);
    }

    private HttpRequest signedHelp() throws Exception {
        Signed help = help();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", help.timestamp())
                .header("X-Slack-Signature", help.signature())
                .POST(HttpRequest.BodyPublishers.ofString(help.body()))
                .build();
    }
}
