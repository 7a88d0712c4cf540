package com.charterbot.bench.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class StubsAndVerdictsTest {

    @Test
    void findsTheChannelOfAFormEncodedOrJsonPostMessage() {
        assertThat(SlackPlatform.channel("token=x&channel=CREH00012&blocks=%5B%5D"))
                .isEqualTo("CREH00012");
        assertThat(SlackPlatform.channel("channel=C%3A1&text=hi")).isEqualTo("C:1");
        assertThat(SlackPlatform.channel("{\"channel\":\"CREH00003\",\"text\":\"hi\"}"))
                .isEqualTo("CREH00003");
        assertThat(SlackPlatform.channel("text=hi")).isNull();
    }

    @Test
    void drawsEachFaultAboutAsOftenAsAsked() {
        Faults faults = new Faults(0.05, 0.05, 0.01, 7);
        Map<Faults.Kind, Integer> counts = new EnumMap<>(Faults.Kind.class);
        for (int i = 0; i < 100_000; i++) {
            counts.merge(faults.next().kind(), 1, Integer::sum);
        }
        assertThat(counts.get(Faults.Kind.RATE_LIMITED)).isBetween(4_500, 5_500);
        assertThat(counts.get(Faults.Kind.SERVER_ERROR)).isBetween(4_500, 5_500);
        assertThat(counts.get(Faults.Kind.LATE)).isBetween(800, 1_200);
    }

    @Test
    void countsALateAnswerAsDeliveredAndTellsDuplicatesApart() {
        Receipts receipts = new Receipts(java.util.Set.of("C1", "C2"));
        receipts.record("C1", Faults.Kind.LATE);
        receipts.record("C1", Faults.Kind.ACCEPTED);
        receipts.record("C2", Faults.Kind.RATE_LIMITED);

        assertThat(receipts.deliveredCount()).isEqualTo(2);
        assertThat(receipts.channelsReached()).isEqualTo(1);
        assertThat(receipts.isNudgeChannel("C3")).isFalse();
    }

    @Test
    void judgesAnswersByKind() {
        assertThat(Kind.SLACK_QUESTION.judge(response(200, "{\"blocks\":[]}"))).isEqualTo(Kind.Verdict.OK);
        assertThat(Kind.SLACK_QUESTION.judge(response(200, "{\"text\":\"no blocks\"}")))
                .isEqualTo(Kind.Verdict.WRONG);
        assertThat(Kind.SLACK_QUIZ.judge(response(200, "{\"blocks\":[]}"))).isEqualTo(Kind.Verdict.WRONG);
        assertThat(Kind.SLACK_FORGED_SIGNATURE.judge(response(401, ""))).isEqualTo(Kind.Verdict.OK);
        assertThat(Kind.SLACK_FORGED_SIGNATURE.accepted(response(200, "{\"blocks\":[]}")))
                .isTrue();
        assertThat(Kind.SLACK_BAD_ESCAPE.judge(response(500, "internal error"))).isEqualTo(Kind.Verdict.SERVER_ERROR);
        assertThat(Kind.TEAMS_QUESTION.judge(null)).isEqualTo(Kind.Verdict.NO_ANSWER);
        assertThat(Kind.TEAMS_QUESTION.replyExpected()).isTrue();
        assertThat(Kind.TEAMS_NOT_JSON.replyExpected()).isFalse();
    }

    @Test
    void countsAlikeLogLinesTogether() {
        assertThat(
                        Report.logKind(
                                "2026-11-26T23:41:38.247Z ERROR 31039 --- [charter-bot] [exec-3] [76043c72] c.c.slack.SlackEventsServlet : failed 12 times"))
                .isEqualTo(
                        Report.logKind(
                                "2026-11-26T23:42:00.000Z ERROR 31040 --- [charter-bot] [exec-9] [aa] c.c.slack.SlackEventsServlet : failed 7 times"));
    }

    private static HttpResponse<String> response(int status, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of(), (a, b) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return URI.create("http://127.0.0.1/");
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
