package com.charterbot.teams;

import static com.charterbot.teams.TeamsRig.actions;
import static com.charterbot.teams.TeamsRig.card;
import static com.charterbot.teams.TeamsRig.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryPhrasingCandidates;
import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suggested phrasings reviewed on Teams with Universal Actions, through the real endpoint and Bot Framework adapter:
 * the "Move to section..." form opened and submitted with {@code Action.Execute} ({@code adaptiveCard/action}
 * invokes whose {@code value.action.data} carries the card's inputs), the connector a WireMock stub.
 */
class PhrasingsTeamsTest {

    /** The id the connector gives the form's message, so that its update can be told from the list's. */
    private static final String FORM_ID = "1741599999777";

    private static final String LIST_ID = "1741599999000";

    /** The real core, learning phrasings, with a configured administrator. */
    private static final TestConversation core = TestConversation.builder()
            .admins(new AdminDirectory(Set.of(), Set.of(Activities.ADMIN_AAD)))
            .learningPhrasings()
            .build();

    private static final InMemoryPhrasingCandidates candidates = core.candidates;
    private static TeamsRig rig;

    @BeforeAll
    static void start() {
        rig = TeamsRig.unauthenticated(core.conversation);
    }

    @AfterAll
    static void stop() throws Exception {
        String logs = rig.logText();
        rig.close();
        assertThat(logs).doesNotContain("offsite photos");
    }

    private static long seen(String text, String sectionId, int times) {
        for (int i = 0; i < times; i++) {
            candidates.seen(text, sectionId, Language.EN, TestConversation.CLOCK.instant());
        }
        return candidates.pending(100).stream()
                .filter(c -> c.text().equals(text))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The Action.Execute of a card with this action id, whatever its value. */
    private static JsonNode execute(JsonNode card, String actionId) {
        return actions(card).stream()
                .filter(action ->
                        actionId.equals(action.path("data").path("actionId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + actionId + " in " + card));
    }

    /** The button of a card with this action id for this candidate (the other tests' candidates may be listed too). */
    private static JsonNode button(JsonNode card, String actionId, long candidate) {
        return actions(card).stream()
                .filter(action ->
                        actionId.equals(action.path("data").path("actionId").asText())
                                && action.path("data").path("value").asText().equals("en~" + candidate))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + actionId + " for candidate " + candidate + " in " + card));
    }

    /** Every input of a card, wherever it sits in its body. */
    private static List<JsonNode> inputs(JsonNode card) {
        List<JsonNode> inputs = new ArrayList<>();
        card.path("body").forEach(element -> {
            if (element.path("type").asText().startsWith("Input.")) {
                inputs.add(element);
            }
        });
        return inputs;
    }

    @Test
    void anAdministratorMovesACandidateToAnotherSectionWithTheFormsActionExecute() {
        long offsite = seen("can I put our offsite photos on LinkedIn?", "confidential-information", 3);
        rig.stubConnector();
        ObjectNode command = rig.activities.personal(Activities.ADMIN_AAD, "phrasings", "en-US");
        rig.post(command);
        JsonNode list = card(rig.sent().get(0));
        JsonNode move = button(list, ActionIds.PHRASING_MOVE, offsite);
        assertThat(move.path("type").asText()).isEqualTo("Action.Execute");
        rig.connector.stubFor(WireMock.post(WireMock.urlPathMatching(TeamsRig.ACTIVITIES))
                .willReturn(TeamsRig.okJson("{\"id\":\"" + FORM_ID + "\"}")));

        HttpResponse<String> opened = rig.post(rig.activities.execute(
                command, LIST_ID, (ObjectNode) move.path("data").deepCopy()));

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(TeamsRig.read(opened.body()).path("statusCode").asInt()).isEqualTo(200);
        List<LoggedRequest> posted = rig.requests(RequestMethod.POST, TeamsRig.ACTIVITIES);
        assertThat(posted).hasSize(2);
        assertThat(posted.get(1).getUrl()).contains("/v3/conversations/" + Activities.PERSONAL + "/activities");
        JsonNode form = card(TeamsRig.read(posted.get(1).getBodyAsString()));
        assertThat(inputs(form)).singleElement().satisfies(input -> {
            assertThat(input.path("type").asText()).isEqualTo("Input.ChoiceSet");
            assertThat(input.path("id").asText()).isEqualTo(PhrasingReview.SECTION);
            assertThat(input.path("choices").toString()).contains("\"value\":\"photos-videos\"");
        });
        JsonNode submit = execute(form, ActionIds.PHRASING_MOVE_SUBMIT);
        assertThat(submit.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(submit.path("verb").asText()).isEqualTo(ActionIds.PHRASING_MOVE_SUBMIT);
        assertThat(candidates.find(offsite).orElseThrow().status())
                .as("opening the form decides nothing")
                .isEqualTo(Candidate.Status.PENDING);

        // Teams merges the card's inputs into the action's data.
        ObjectNode data = (ObjectNode) submit.path("data").deepCopy();
        data.put(PhrasingReview.SECTION, "photos-videos");
        HttpResponse<String> answered = rig.post(rig.activities.execute(command, FORM_ID, data));

        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode response = TeamsRig.read(answered.body());
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode shown = response.path("value");
        assertThat(shown.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(texts(shown))
                .anyMatch(text -> text.startsWith("Approved: ")
                        && text.contains("offsite photos")
                        && text.contains("Photos and videos"))
                .contains(Messages.get(Language.EN, "phrasings.title"));
        assertThat(actions(shown))
                .noneMatch(action -> action.path("data").path("value").asText().equals("en~" + offsite));
        List<LoggedRequest> updates = rig.requests(RequestMethod.PUT, TeamsRig.ACTIVITIES);
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.getUrl()).endsWith("/activities/" + FORM_ID);
            assertThat(card(TeamsRig.read(update.getBodyAsString()))).isEqualTo(shown);
        });
        Candidate moved = candidates.find(offsite).orElseThrow();
        assertThat(moved.status()).isEqualTo(Candidate.Status.APPROVED);
        assertThat(moved.sectionId()).isEqualTo("photos-videos");
    }

    @Test
    void anAdministratorApprovesACandidateFromTheHomeCardAndTheCardIsReplacedByTheNoteAndTheRefreshedList() {
        long badge = seen("may I post my new badge photo on insta?", "photos-videos", 3);
        long other = seen("can I say on linkedin that we won the tender?", "confidential-information", 3);
        rig.stubConnector();
        ObjectNode command = rig.activities.personal(Activities.ADMIN_AAD, "home", "en-US");
        rig.post(command);
        JsonNode home = card(rig.sent().get(0));
        assertThat(texts(home)).contains(Messages.get(Language.EN, "phrasings.title"));
        JsonNode approve = button(home, ActionIds.PHRASING_APPROVE, badge);
        assertThat(approve.path("type").asText()).isEqualTo("Action.Execute");

        HttpResponse<String> answered = rig.post(rig.activities.execute(
                command, LIST_ID, (ObjectNode) approve.path("data").deepCopy()));

        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode response = TeamsRig.read(answered.body());
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode shown = response.path("value");
        assertThat(shown.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(texts(shown))
                .anyMatch(text -> text.startsWith("Approved: ") && text.contains("badge photo"))
                .contains(Messages.get(Language.EN, "phrasings.title"));
        assertThat(actions(shown))
                .as("the approved candidate has left the list, the other stays")
                .noneMatch(action -> action.path("data").path("value").asText().equals("en~" + badge))
                .anyMatch(action -> action.path("data").path("value").asText().equals("en~" + other));
        assertThat(candidates.find(badge).orElseThrow().status()).isEqualTo(Candidate.Status.APPROVED);
        assertThat(candidates.find(other).orElseThrow().status()).isEqualTo(Candidate.Status.PENDING);
    }
}
