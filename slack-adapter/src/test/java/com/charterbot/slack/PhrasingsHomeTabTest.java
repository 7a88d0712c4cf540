package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.ADMIN;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.charterbot.slack.SlackRig.object;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryPhrasingCandidates;
import com.charterbot.core.phrasing.Candidate;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.Language;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Suggested phrasings reviewed in the App Home, through the real Bolt app over HTTP with the real core: the
 * Home tab shows them to administrators, and a click there arrives as Slack sends it from a Home tab
 * ({@code container.type} {@code view}, the whole published view with {@code type} {@code home}, no
 * {@code response_url}). What replaces the original re-publishes the Home tab; only the short note goes to the DM.
 */
class PhrasingsHomeTabTest {

    private static final String FRENCH_ADMIN = "U0FRADMIN";
    private static final String HOME_VIEW_ID = "V0HOMETAB";
    private static final Clock CLOCK = TestConversation.CLOCK;

    /** The real core, learning phrasings; the Home tab shows its home page. */
    private static final TestConversation core =
            TestConversation.builder().learningPhrasings().build();

    private static final InMemoryPhrasingCandidates candidates = core.candidates;
    private static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.start(core.conversation, core.home);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.assertNoSecretLogged();
        rig.close();
    }

    @BeforeEach
    void forgetSlack() {
        rig.reset();
        rig.slack.stubFor(post(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + FRENCH_ADMIN))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + FRENCH_ADMIN + "\",\"team_id\":\"" + TEAM
                        + "\",\"name\":\"someone\",\"is_admin\":true,"
                        + "\"is_owner\":false,\"is_primary_owner\":false,\"locale\":\"fr-FR\"}}")));
    }

    private static long seen(String text, String sectionId, int times) {
        for (int i = 0; i < times; i++) {
            candidates.seen(text, sectionId, Language.EN, CLOCK.instant());
        }
        return candidates.pending(100).stream()
                .filter(c -> c.text().equals(text))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void approvingFromTheHomeTabRepublishesItWithoutTheCandidateAndSendsOnlyTheNoteToTheDm() {
        long selfie = seen("can I post a selfie with <!channel> at my desk?", "photos-videos", 3);
        long journalist = seen("a journalist called me, what do I say?", "media-inquiries", 2);
        JsonObject home = openHome(ADMIN, 1);
        assertThat(SlackRig.texts(home.getAsJsonArray("blocks")))
                .contains(Messages.get(Language.EN, "phrasings.title"))
                .anyMatch(text -> text.contains("&lt;!channel&gt;"))
                .noneMatch(text -> text.contains("<!channel>"));

        HttpResponse<String> response =
                rig.postForm(homeClick(ADMIN, home, ActionIds.PHRASING_APPROVE, "en~" + selfie));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject republished = published(rig.awaitApi("views.publish", 2).get(1), ADMIN);
        assertThat(republished.get("type").getAsString()).isEqualTo("home");
        assertThat(SlackRig.buttons(republished.getAsJsonArray("blocks")))
                .noneMatch(button -> button.endsWith("=en~" + selfie))
                .anyMatch(button ->
                        button.startsWith(ActionIds.PHRASING_APPROVE) && button.endsWith("=en~" + journalist));
        assertThat(String.join("\n", SlackRig.texts(republished.getAsJsonArray("blocks"))))
                .doesNotContain("selfie");
        LoggedRequest note = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.formOf(note)).containsEntry("channel", ADMIN);
        assertThat(SlackRig.texts(SlackRig.blocksOf(note)))
                .singleElement()
                .asString()
                .startsWith("Approved: ");
        rig.awaitIdle();
        assertThat(rig.requests("chat.postMessage"))
                .as("the refreshed list is not posted to the DM")
                .hasSize(1);
        assertThat(rig.requests("views.publish")).hasSize(2);
        assertThat(rig.hooks()).isEmpty();
        assertThat(candidates.find(selfie).orElseThrow().status()).isEqualTo(Candidate.Status.APPROVED);
        assertThat(candidates.find(journalist).orElseThrow().status()).isEqualTo(Candidate.Status.PENDING);
    }

    @Test
    void theMoveFormOpensAsAModalFromTheHomeTabAndItsSubmissionRepublishesTheHome() {
        long offsite = seen("can I put our offsite photos on LinkedIn?", "confidential-information", 4);
        JsonObject home = openHome(ADMIN, 1);

        HttpResponse<String> click = rig.postForm(homeClick(ADMIN, home, ActionIds.PHRASING_MOVE, "en~" + offsite));

        assertThat(click.statusCode()).isEqualTo(200);
        LoggedRequest open = rig.awaitApi("views.open", 1).get(0);
        assertThat(SlackRig.formOf(open).get("trigger_id")).isEqualTo(lastTriggerId);
        JsonObject modal =
                JsonParser.parseString(SlackRig.formOf(open).get("view")).getAsJsonObject();
        assertThat(modal.get("type").getAsString()).isEqualTo("modal");
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(FormModal.HOME_CALLBACK_ID);
        String metadata = modal.get("private_metadata").getAsString();
        assertThat(metadata).isEqualTo(ActionIds.PHRASING_MOVE_SUBMIT + "\nen~" + offsite);
        assertThat(modal.toString()).contains("\"static_select\"").contains("\"value\":\"photos-videos\"");
        rig.awaitIdle();
        assertThat(rig.requests("chat.postMessage"))
                .as("the form opens as a modal, not in the DM")
                .isEmpty();

        HttpResponse<String> submitted =
                rig.postForm(homeFormSubmission(ADMIN, metadata, PhrasingReview.SECTION, "photos-videos"));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).isEmpty();
        JsonObject republished = published(rig.awaitApi("views.publish", 2).get(1), ADMIN);
        assertThat(SlackRig.buttons(republished.getAsJsonArray("blocks")))
                .noneMatch(button -> button.endsWith("=en~" + offsite));
        LoggedRequest note = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.formOf(note)).containsEntry("channel", ADMIN);
        assertThat(SlackRig.texts(SlackRig.blocksOf(note)))
                .singleElement()
                .asString()
                .startsWith("Approved: ")
                .contains("Photos and videos");
        rig.awaitIdle();
        assertThat(rig.requests("chat.postMessage")).hasSize(1);
        Candidate moved = candidates.find(offsite).orElseThrow();
        assertThat(moved.status()).isEqualTo(Candidate.Status.APPROVED);
        assertThat(moved.sectionId()).isEqualTo("photos-videos");
    }

    @Test
    void aFrenchAdministratorsHomeTabAndItsClicksStayInFrench() {
        long draft = seen("puis-je relayer un article sur notre concurrent ?", "scope", 5);
        JsonObject home = openHome(FRENCH_ADMIN, 1);
        assertThat(SlackRig.texts(home.getAsJsonArray("blocks"))).contains("Formulations suggérées", "Rejeter");

        rig.postForm(homeClick(FRENCH_ADMIN, home, ActionIds.PHRASING_REJECT, "fr~" + draft));

        JsonObject republished = published(rig.awaitApi("views.publish", 2).get(1), FRENCH_ADMIN);
        assertThat(SlackRig.texts(republished.getAsJsonArray("blocks")))
                .contains("Formulations suggérées")
                .noneMatch(text -> text.contains("concurrent"));
        LoggedRequest note = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.texts(SlackRig.blocksOf(note)))
                .singleElement()
                .asString()
                .isEqualTo("Rejetée : « puis-je relayer un article sur notre concurrent ? ».");
        assertThat(candidates.find(draft).orElseThrow().status()).isEqualTo(Candidate.Status.REJECTED);
    }

    @Test
    void aMembersHomeTabShowsNoPhrasing() {
        seen("can I post a selfie at the gym in our company T-shirt?", "photos-videos", 1);

        JsonObject home = openHome(MEMBER, 1);

        assertThat(SlackRig.texts(home.getAsJsonArray("blocks")))
                .doesNotContain(Messages.get(Language.EN, "phrasings.title"))
                .noneMatch(text -> text.contains("T-shirt"));
        assertThat(SlackRig.buttons(home.getAsJsonArray("blocks")))
                .noneMatch(button -> button.startsWith("charter.phrasing."));
    }

    // ----- Slack's side -----

    /** The trigger id of the last click sent, which a modal must be opened with. */
    private String lastTriggerId;

    /** Opens the person's Home tab ({@code app_home_opened}) and gives the view the bot published. */
    private JsonObject openHome(String user, int publishes) {
        JsonObject event = object(
                "type",
                "app_home_opened",
                "user",
                user,
                "channel",
                "D0HOME",
                "tab",
                "home",
                "event_ts",
                "1741599000.000300");
        rig.postJson(SlackRig.eventCallback(SlackRig.eventId(), event));
        return published(rig.awaitApi("views.publish", publishes).get(publishes - 1), user);
    }

    private static JsonObject published(LoggedRequest publish, String user) {
        assertThat(SlackRig.formOf(publish)).containsEntry("user_id", user);
        return JsonParser.parseString(SlackRig.formOf(publish).get("view")).getAsJsonObject();
    }

    /**
     * A {@code block_actions} payload as Slack posts it for a button of the Home tab: the view as the bot
     * published it, with the ids and state Slack adds (every block gets a {@code block_id}), a {@code view}
     * container, a trigger id and no {@code response_url}.
     */
    private String homeClick(String user, JsonObject publishedView, String actionId, String value) {
        JsonObject view = publishedView.deepCopy();
        JsonArray blocks = view.getAsJsonArray("blocks");
        JsonObject clicked = null;
        String blockId = null;
        for (int index = 0; index < blocks.size(); index++) {
            JsonObject block = blocks.get(index).getAsJsonObject();
            if (!block.has("block_id")) {
                block.addProperty("block_id", "hB" + index);
            }
            if (block.get("type").getAsString().equals("actions")) {
                for (JsonElement element : block.getAsJsonArray("elements")) {
                    JsonObject button = element.getAsJsonObject();
                    if (BlockKitRenderer.routedActionId(button.get("action_id").getAsString())
                                    .equals(actionId)
                            && button.has("value")
                            && button.get("value").getAsString().equals(value)) {
                        clicked = button;
                        blockId = block.get("block_id").getAsString();
                    }
                }
            }
        }
        assertThat(clicked)
                .as("a %s button worth %s in the Home tab", actionId, value)
                .isNotNull();
        view.addProperty("id", HOME_VIEW_ID);
        view.addProperty("team_id", TEAM);
        view.addProperty("private_metadata", "");
        JsonObject state = new JsonObject();
        state.add("values", new JsonObject());
        view.add("state", state);
        view.addProperty("hash", "1741599000.hOmEtAb1");
        JsonObject title = object("type", "plain_text", "text", "View Title");
        title.addProperty("emoji", true);
        view.add("title", title);
        view.addProperty("clear_on_close", false);
        view.addProperty("notify_on_close", false);
        view.add("close", JsonNull.INSTANCE);
        view.add("submit", JsonNull.INSTANCE);
        view.add("previous_view_id", JsonNull.INSTANCE);
        view.addProperty("root_view_id", HOME_VIEW_ID);
        view.addProperty("app_id", "A0RIG");
        view.addProperty("external_id", "");
        view.addProperty("app_installed_team_id", TEAM);
        view.addProperty("bot_id", "B0BOT");

        JsonObject action = object(
                "type",
                "button",
                "action_id",
                clicked.get("action_id").getAsString(),
                "block_id",
                blockId,
                "value",
                value,
                "action_ts",
                "1741599001.000200");
        action.add("text", clicked.get("text").deepCopy());
        if (clicked.has("style")) {
            action.add("style", clicked.get("style").deepCopy());
        }
        JsonArray actions = new JsonArray();
        actions.add(action);

        lastTriggerId = SlackRig.triggerId();
        JsonObject payload = SlackRig.interaction("block_actions", user, lastTriggerId);
        payload.add("container", object("type", "view", "view_id", HOME_VIEW_ID));
        payload.add("enterprise", JsonNull.INSTANCE);
        payload.addProperty("is_enterprise_install", false);
        payload.add("view", view);
        payload.add("actions", actions);
        return SlackRig.encoded(payload);
    }

    /** The {@code view_submission} of a form opened from the Home tab, one option chosen in its select. */
    private static String homeFormSubmission(String user, String metadata, String field, String chosen) {
        JsonObject view = object(
                "id",
                "V0MOVEFORM",
                "team_id",
                TEAM,
                "type",
                "modal",
                "callback_id",
                FormModal.HOME_CALLBACK_ID,
                "private_metadata",
                metadata,
                "hash",
                "1741599002.mOvEfOrM",
                "root_view_id",
                "V0MOVEFORM",
                "app_id",
                "A0RIG",
                "app_installed_team_id",
                TEAM,
                "bot_id",
                "B0BOT");
        view.add("previous_view_id", JsonNull.INSTANCE);
        JsonObject input = object("type", "input", "block_id", field);
        input.add("label", object("type", "plain_text", "text", "The section this question belongs to"));
        input.add("element", object("type", "static_select", "action_id", field));
        JsonArray blocks = new JsonArray();
        blocks.add(input);
        view.add("blocks", blocks);
        view.add("state", SlackRig.state(Map.of(field, SlackRig.selected(chosen))));

        JsonObject payload = SlackRig.interaction("view_submission", user, SlackRig.triggerId());
        payload.add("view", view);
        payload.add("response_urls", new JsonArray());
        payload.addProperty("is_enterprise_install", false);
        payload.add("enterprise", JsonNull.INSTANCE);
        return SlackRig.encoded(payload);
    }
}
