package com.charterbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.chat.Converse;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CharterBotApplicationTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    AnswerEngine engine;

    @Autowired
    CharterProperties properties;

    @Autowired
    Converse conversation;

    @Test
    void wiresTheConversationSoAQuizStartsFromAMessage() {
        UserRef user = new UserRef(Platform.SLACK, "T0001", "U0001");
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T0001", "C0001");

        List<Reply> replies = conversation.onMessage(
                new Message(user, channel, "quiz", Message.Origin.COMMAND, false, Optional.empty()));

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.blocks())
                    .anySatisfy(block -> assertThat(block)
                            .isInstanceOfSatisfying(
                                    Block.Buttons.class,
                                    buttons -> assertThat(buttons.buttons())
                                            .allSatisfy(b ->
                                                    assertThat(b.actionId()).isEqualTo(ActionIds.QUIZ_ANSWER))));
        });
    }

    @Test
    void startsWithTheBundledCharterAndDefaultConfiguration() {
        assertThat(properties.folder()).isNull();
        assertThat(properties.companyName()).isEqualTo("Acme Industries");
        assertThat(properties.language()).isEqualTo(Language.EN);
        assertThat(engine).isNotNull();
    }

    @Test
    void reportsHealthUpOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> management = get(managementPort, "/actuator/health");
        HttpResponse<String> main = get(port, "/actuator/health");

        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(management.body()).contains("\"status\"").contains("UP");
        assertThat(main.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersFromTheBundledCharter() {
        Answer answer = engine.answer(Question.of("can I post this photo?"));

        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(answer.replyLanguage()).isEqualTo(Language.EN);
        assertThat(answer.text()).doesNotContain("{{");
    }

    @Test
    void answersFrenchQuestionsInFrench() {
        Answer answer = engine.answer(Question.of("Puis-je publier cette photo ?"));

        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(answer.replyLanguage()).isEqualTo(Language.FR);
    }
}
