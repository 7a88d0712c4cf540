package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.charterbot.slack.SlackRig.blockActions;
import static com.charterbot.slack.SlackRig.object;
import static com.charterbot.slack.SlackRig.slashCommand;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.experts.ExpertQuestion;
import com.charterbot.core.experts.ExpertsDesk;
import com.charterbot.core.experts.ExpertsMessenger;
import com.charterbot.core.memory.InMemoryExpertQuestions;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.testing.TestConversation;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Ask the communications team" through the real Bolt app: slash command, block_actions, views.open and view_submission. */
class AskExpertsTest {

    static final String EXPERTS = "C0EXPERTS";
    static final String EXPERT = "U0EXPERT";
    static final String CARD_TS = "1741599100.000200";
    static final String QUESTION = "can my cat <!channel> bake a cake for the <https://evil.example|party>?";

    private static SlackRig rig;
    private static final AtomicReference<ExpertsMessenger> messenger = new AtomicReference<>();
    /** The bundled conversation with an experts' desk sending through the rig's own Slack bot. */
    private static final TestConversation core = TestConversation.builder()
            .experts(
                    messenger::get,
                    new ExpertsDesk.Settings(
                            Optional.of(EXPERTS), Optional.empty(), Duration.ofDays(2), TestConversation.PARIS))
            .build();

    private static final InMemoryExpertQuestions questions = core.expertQuestions;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.start(core.conversation);
        messenger.set(rig.bot.expertsMessenger());
    }

    @AfterAll
    static void stop() throws Exception {
        rig.assertNoSecretLogged();
        rig.close();
    }

    /** The value of the first button of this action id in these blocks. */
    private static String value(JsonArray blocks, String actionId) {
        return SlackRig.buttons(blocks).stream()
                .filter(b -> b.startsWith(actionId + "=") || b.startsWith(actionId + "#"))
                .map(b -> b.split("=", 2)[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + actionId + " in " + blocks));
    }

    @Test
    void aQuestionGoesFromTheAskerToTheExpertsChannelAndTheAnswerComesBackInTheDm() {
        rig.slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("channel=" + EXPERTS))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + EXPERTS + "\",\"ts\":\"" + CARD_TS + "\"}")));
        JsonArray answer = SlackRig.json(rig.postForm(slashCommand(MEMBER, CHANNEL, QUESTION, rig.responseUrl()))
                        .body())
                .getAsJsonArray("blocks");
        String offer = value(answer, ActionIds.EXPERTS_OFFER);

        rig.postForm(blockActions(MEMBER, CHANNEL, ActionIds.EXPERTS_OFFER, offer, rig.responseUrl()));
        JsonObject confirmation = SlackRig.jsonOf(rig.awaitHooks(1).get(0));
        assertThat(confirmation.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(rig.requests("chat.postMessage"))
                .as("nothing sent before the confirmation")
                .isEmpty();
        String send = value(confirmation.getAsJsonArray("blocks"), ActionIds.EXPERTS_SEND);

        String sendUrl = rig.responseUrl();
        rig.postForm(blockActions(MEMBER, CHANNEL, ActionIds.EXPERTS_SEND, send, sendUrl));

        LoggedRequest card = rig.awaitApi("chat.postMessage", 1).get(0);
        Map<String, String> form = SlackRig.formOf(card);
        assertThat(form.get("channel")).isEqualTo(EXPERTS);
        String cardBlocks = String.join("\n", SlackRig.texts(SlackRig.blocksOf(card)));
        assertThat(cardBlocks)
                .contains("<@" + MEMBER + ">")
                .contains("&lt;!channel&gt;")
                .doesNotContain("<!channel>")
                .doesNotContain("<https://evil.example");
        String id = questions.askedBetween(Instant.EPOCH, Instant.MAX).get(0).id();
        assertThat(value(SlackRig.blocksOf(card), ActionIds.EXPERT_ANSWER)).isEqualTo(id);
        assertThat(SlackRig.jsonOf(rig.awaitHooks(2).get(1))
                        .get("replace_original")
                        .getAsBoolean())
                .isTrue();

        rig.postForm(blockActions(EXPERT, EXPERTS, ActionIds.EXPERT_ANSWER, id, rig.responseUrl()));
        JsonObject modal = JsonParser.parseString(
                        SlackRig.formOf(rig.awaitApi("views.open", 1).get(0)).get("view"))
                .getAsJsonObject();
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(FormModal.CALLBACK_ID);
        String metadata = modal.get("private_metadata").getAsString();
        assertThat(metadata).isEqualTo(ActionIds.EXPERT_ANSWER_SUBMIT + "\nen~" + id);
        assertThat(modal.toString()).contains(ExpertsDesk.ANSWER).contains("plain_text_input");

        String reply = "Sadly no. <!here> see <https://evil.example|this>";
        assertThat(rig.postForm(formSubmission(
                                EXPERT, metadata, Map.of(ExpertsDesk.ANSWER, reply, ExpertsDesk.SECTION, "")))
                        .statusCode())
                .isEqualTo(200);

        List<LoggedRequest> posts = rig.awaitApi("chat.postMessage", 3);
        LoggedRequest toAsker = posts.stream()
                .filter(p -> MEMBER.equals(SlackRig.formOf(p).get("channel")))
                .findFirst()
                .orElseThrow();
        assertThat(String.join("\n", SlackRig.texts(SlackRig.blocksOf(toAsker))))
                .contains("Sadly no. &lt;!here&gt;")
                .doesNotContain("<!here>")
                .doesNotContain("<https://evil.example")
                .contains("Answered by someone");
        LoggedRequest update = rig.awaitApi("chat.update", 1).get(0);
        assertThat(SlackRig.formOf(update)).containsEntry("channel", EXPERTS).containsEntry("ts", CARD_TS);
        assertThat(String.join("\n", SlackRig.texts(SlackRig.blocksOf(update)))).contains("Answered by someone");
        assertThat(SlackRig.buttons(SlackRig.blocksOf(update))).isEmpty();
        assertThat(questions.find(id).orElseThrow().status()).isEqualTo(ExpertQuestion.Status.ANSWERED);

        rig.postForm(formSubmission(
                "U0SECOND", metadata, Map.of(ExpertsDesk.ANSWER, "Another answer", ExpertsDesk.SECTION, "")));
        SlackRig.awaitTrue(() -> rig.requests("chat.postMessage").size() == 4, "the second expert to be told");
        assertThat(rig.requests("chat.postMessage"))
                .filteredOn(p -> MEMBER.equals(SlackRig.formOf(p).get("channel")))
                .hasSize(1);
        assertThat(SlackRig.formOf(rig.requests("chat.postMessage").get(3)).get("text"))
                .contains("already answered");
    }

    /** A {@code view_submission} of a core form: text inputs by block id. */
    static String formSubmission(String user, String metadata, Map<String, String> typed) {
        JsonObject payload = SlackRig.interaction("view_submission", user, SlackRig.triggerId());
        JsonObject view = object(
                "id",
                "V0FORM",
                "team_id",
                TEAM,
                "type",
                "modal",
                "callback_id",
                FormModal.CALLBACK_ID,
                "private_metadata",
                metadata,
                "hash",
                "1741599000.abc");
        view.add("blocks", new JsonArray());
        Map<String, JsonObject> values = new LinkedHashMap<>();
        typed.forEach((blockId, text) -> values.put(blockId, SlackRig.typed(text)));
        view.add("state", SlackRig.state(values));
        payload.add("view", view);
        return SlackRig.encoded(payload);
    }
}
