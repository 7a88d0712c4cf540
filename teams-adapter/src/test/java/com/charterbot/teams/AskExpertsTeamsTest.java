package com.charterbot.teams;

import static com.charterbot.teams.TeamsRig.actions;
import static com.charterbot.teams.TeamsRig.card;
import static com.charterbot.teams.TeamsRig.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryExpertQuestions;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Ask the communications team" through the real Bot Framework adapter: Action.Submit payloads, the connector a WireMock stub. */
class AskExpertsTeamsTest {

    static final String QUESTION = "can my cat bake a cake for the [party](https://evil.example) @General?";
    static final String BOB_AAD = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    private static TeamsRig rig;
    private static final AtomicReference<ExpertsMessenger> messenger = new AtomicReference<>();
    /** The bundled conversation with an experts' desk sending through the rig's own connector. */
    private static final TestConversation core = TestConversation.builder()
            .admins(new AdminDirectory(Set.of(), Set.of(Activities.ADMIN_AAD)))
            .experts(
                    messenger::get,
                    new ExpertsDesk.Settings(
                            Optional.empty(),
                            Optional.of(Activities.GENERAL),
                            Duration.ofDays(2),
                            TestConversation.PARIS))
            .build();

    private static final InMemoryExpertQuestions questions = core.expertQuestions;

    @BeforeAll
    static void start() {
        rig = TeamsRig.unauthenticated(core.conversation);
        messenger.set(new TeamsExpertsMessenger(
                rig.adapter, rig.references, new AdaptiveCardRenderer(), Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static String value(JsonNode card, String actionId) {
        return actions(card).stream()
                .map(action -> action.path("data"))
                .filter(data -> actionId.equals(data.path("actionId").asText()))
                .map(data -> data.path("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + actionId + " in " + card));
    }

    /** The question sent to the experts with this text (the tests share the store). */
    private static ExpertQuestion asked(String text) {
        return questions.askedBetween(Instant.EPOCH, Instant.MAX).stream()
                .filter(q -> text.equals(q.text()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no question sent to the experts: " + text));
    }

    private List<LoggedRequest> posts(String conversation) {
        return rig.requests(
                RequestMethod.POST,
                TeamsRig.CONNECTOR_PATH + "v3/conversations/" + java.util.regex.Pattern.quote(conversation)
                        + "/activities(/[^/]+)?");
    }

    @Test
    void aQuestionGoesToTheExpertsChannelAndTheAnswerToTheAskersPersonalChat() {
        rig.post(rig.activities.channelMention(Activities.ADMIN_AAD, "tip", "en-US"));
        rig.stubConnector();
        ObjectNode ask = rig.activities.personal(Activities.ALICE_AAD, QUESTION, "en-US");
        rig.post(ask);
        String offer = value(card(rig.sent().get(0)), ActionIds.EXPERTS_OFFER);

        rig.post(rig.activities.submit(ask, "1741599999000", Activities.data(ActionIds.EXPERTS_OFFER, offer)));
        JsonNode confirmation = card(rig.sent().get(1));
        assertThat(texts(confirmation)).anyMatch(text -> text.contains(QUESTION));
        assertThat(posts(Activities.GENERAL))
                .as("nothing in the experts' channel before the confirmation")
                .isEmpty();

        rig.post(rig.activities.submit(
                ask,
                "1741599999000",
                Activities.data(ActionIds.EXPERTS_SEND, value(confirmation, ActionIds.EXPERTS_SEND))));

        List<LoggedRequest> cards = posts(Activities.GENERAL);
        assertThat(cards).hasSize(1);
        JsonNode expertsCard = card(TeamsRig.read(cards.get(0).getBodyAsString()));
        assertThat(texts(expertsCard))
                .anyMatch(text -> text.contains("Alice Martin"))
                .anyMatch(text -> text.contains(QUESTION));
        assertThat(expertsCard.toString()).doesNotContain("\"type\":\"TextBlock\"");
        ExpertQuestion question = asked(QUESTION);
        assertThat(question.cardId()).isEqualTo("1741599999000");
        assertThat(value(expertsCard, ActionIds.EXPERT_ANSWER)).isEqualTo(question.id());

        ObjectNode inChannel = rig.activities.channelMention(BOB_AAD, "x", "en-US");
        ObjectNode answer = Activities.data(ActionIds.EXPERT_ANSWER_SUBMIT, "en~" + question.id());
        answer.put(ExpertsDesk.ANSWER, "No, cats cannot bake. See [this](https://evil.example).");
        answer.put(ExpertsDesk.SECTION, "");
        rig.post(rig.activities.submit(inChannel, "1741599999000", answer));

        List<LoggedRequest> created = rig.requests(RequestMethod.POST, TeamsRig.CONNECTOR_PATH + "v3/conversations");
        // One personal chat for Alice's answer, one for what the expert is told privately.
        assertThat(created)
                .extracting(request -> TeamsRig.read(request.getBodyAsString())
                        .path("members")
                        .path(0)
                        .path("id")
                        .asText())
                .contains(Activities.ALICE_AAD);
        List<LoggedRequest> toAlice = posts("a:1private-chat-created").stream()
                .filter(request -> request.getBodyAsString().contains("cats cannot bake"))
                .toList();
        assertThat(toAlice).hasSize(1);
        assertThat(texts(card(TeamsRig.read(toAlice.get(0).getBodyAsString()))))
                .contains("No, cats cannot bake. See [this](https://evil.example).")
                .anyMatch(text -> text.contains("Alice Martin"));
        List<LoggedRequest> updates = rig.requests(
                RequestMethod.PUT, TeamsRig.CONNECTOR_PATH + "v3/conversations/19:.+/activities/1741599999000");
        assertThat(updates).hasSize(1);
        assertThat(texts(card(TeamsRig.read(updates.get(0).getBodyAsString()))))
                .anyMatch(text -> text.startsWith("Answered by Alice Martin"));
        assertThat(questions.find(question.id()).orElseThrow().status()).isEqualTo(ExpertQuestion.Status.ANSWERED);
    }

    @Test
    void anExpertOpensAndSendsTheAnswerFormWithActionExecuteShownToThemAloneInTheChannel() {
        String text = "what is the best recipe for a chocolate cake?";
        rig.post(rig.activities.channelMention(Activities.ADMIN_AAD, "tip", "en-US"));
        rig.stubConnector();
        ObjectNode ask = rig.activities.personal(Activities.ALICE_AAD, text, "en-US");
        rig.post(ask);
        String offer = value(card(rig.sent().get(0)), ActionIds.EXPERTS_OFFER);
        rig.post(rig.activities.submit(ask, "1741599999000", Activities.data(ActionIds.EXPERTS_OFFER, offer)));
        rig.post(rig.activities.submit(
                ask,
                "1741599999000",
                Activities.data(ActionIds.EXPERTS_SEND, value(card(rig.sent().get(1)), ActionIds.EXPERTS_SEND))));
        ExpertQuestion question = asked(text);
        JsonNode expertsCard =
                card(TeamsRig.read(posts(Activities.GENERAL).get(0).getBodyAsString()));
        JsonNode answerButton = actions(expertsCard).stream()
                .filter(action -> ActionIds.EXPERT_ANSWER.equals(
                        action.path("data").path("actionId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(answerButton.path("type").asText()).isEqualTo("Action.Execute");
        ObjectNode inChannel = rig.activities.channelMention(BOB_AAD, "x", "en-US");

        HttpResponse<String> opened = rig.post(rig.activities.execute(inChannel, question.cardId(), (ObjectNode)
                answerButton.path("data").deepCopy()));

        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode openedBody = TeamsRig.read(opened.body());
        assertThat(openedBody.path("statusCode").asInt()).isEqualTo(200);
        assertThat(openedBody.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode form = openedBody.path("value");
        assertThat(form.path("body").findValuesAsText("id")).contains(ExpertsDesk.ANSWER, ExpertsDesk.SECTION);
        JsonNode submit = actions(form).stream()
                .filter(action -> ActionIds.EXPERT_ANSWER_SUBMIT.equals(
                        action.path("data").path("actionId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(submit.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(submit.path("data").path("personal").asBoolean())
                .as("the form is the expert's own")
                .isTrue();
        String expertsCardPath = TeamsRig.CONNECTOR_PATH + "v3/conversations/19:.+/activities/" + question.cardId();
        assertThat(rig.requests(RequestMethod.PUT, expertsCardPath))
                .as("the experts' card is left as everyone sees it")
                .isEmpty();
        assertThat(questions.find(question.id()).orElseThrow().status()).isEqualTo(ExpertQuestion.Status.OPEN);

        // Teams merges the card's inputs into the action's data.
        ObjectNode data = (ObjectNode) submit.path("data").deepCopy();
        data.put(ExpertsDesk.ANSWER, "Not a charter question: ask the canteen.");
        data.put(ExpertsDesk.SECTION, "");
        HttpResponse<String> answered = rig.post(rig.activities.execute(inChannel, question.cardId(), data));

        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode answeredBody = TeamsRig.read(answered.body());
        assertThat(answeredBody.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answeredBody.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(answeredBody.path("value").asText()).isEqualTo(Messages.get(Language.EN, "experts.reply.sent"));
        assertThat(posts("a:1private-chat-created"))
                .filteredOn(request -> request.getBodyAsString().contains("ask the canteen"))
                .hasSize(1);
        List<LoggedRequest> updates = rig.requests(RequestMethod.PUT, expertsCardPath);
        assertThat(updates).hasSize(1);
        assertThat(texts(card(TeamsRig.read(updates.get(0).getBodyAsString()))))
                .anyMatch(line -> line.startsWith("Answered by Alice Martin"));
        assertThat(questions.find(question.id()).orElseThrow().status()).isEqualTo(ExpertQuestion.Status.ANSWERED);
    }
}
