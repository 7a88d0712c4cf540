package com.charterbot.bench.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackApiStubTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersAuthTestForTheBenchWorkspaceAndOkToEverythingElseAndCountsCalls() throws Exception {
        try (SlackApiStub stub = SlackApiStub.start()) {
            HttpResponse<String> auth = post(stub.apiUrl() + "auth.test");
            HttpResponse<String> postMessage = post(stub.apiUrl() + "chat.postMessage");
            HttpResponse<String> responseUrl = post(stub.responseUrlBase() + "T0BENCH/7000000001/abc");
            post(stub.apiUrl() + "chat.postMessage");

            assertThat(auth.body()).isEqualTo(SlackApiStub.AUTH_TEST).contains("\"team_id\":\"T0BENCH\"");
            assertThat(postMessage.body()).isEqualTo("{\"ok\":true}");
            assertThat(responseUrl.statusCode()).isEqualTo(200);
            assertThat(stub.calls())
                    .containsExactly(
                            Map.entry("POST /api/auth.test -> 200", 1L),
                            Map.entry("POST /api/chat.postMessage -> 200", 2L),
                            Map.entry("POST /commands/... -> 200", 1L));
        }
    }

    private HttpResponse<String> post(String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("token=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
