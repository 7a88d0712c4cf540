package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.ADMIN;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.charterbot.slack.SlackRig.blockActions;
import static com.charterbot.slack.SlackRig.selected;
import static com.charterbot.slack.SlackRig.typed;
import static com.charterbot.slack.SlackRig.viewSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.nudge.NudgeForm;
import com.charterbot.core.nudge.NudgeFormOutcome;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' nudge form: opened from a button as a modal, submitted back to {@link com.charterbot.core.nudge.EditNudges}. */
class NudgeFormTest extends SharedRigTest {

    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, TEAM, "C0GENERAL");

    @BeforeEach
    void reset() {
        rig.nudges.submitOutcome = null;
    }

    @Test
    void theEditButtonOpensAModalWithTheFormsFieldsAndCurrentValues() {
        String payload = blockActions(ADMIN, null, ActionIds.NUDGES_EDIT + "#2", "fr~C0GENERAL", null);
        String triggerId = SlackRig.json(java.net.URLDecoder.decode(
                        payload.substring("payload=".length()), java.nio.charset.StandardCharsets.UTF_8))
                .get("trigger_id")
                .getAsString();

        HttpResponse<String> ack = rig.postForm(payload);

        assertThat(ack.statusCode()).isEqualTo(200);
        LoggedRequest open = rig.awaitApi("views.open", 1).get(0);
        assertThat(SlackRig.formOf(open)).containsEntry("trigger_id", triggerId);
        JsonObject view =
                JsonParser.parseString(SlackRig.formOf(open).get("view")).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo(NudgeModal.CALLBACK_ID);
        assertThat(view.get("private_metadata").getAsString())
                .as("the form's language travels with the channel")
                .isEqualTo("en~C0GENERAL");
        assertThat(view.getAsJsonObject("title").get("text").getAsString())
                .isEqualTo("Nudges in #general, a l\u2026")
                .hasSize(24);
        assertThat(view.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Save");
        assertThat(view.getAsJsonObject("close").get("text").getAsString()).isEqualTo("Cancel");

        JsonArray blocks = view.getAsJsonArray("blocks");
        assertThat(SlackRig.types(blocks)).containsExactly("input", "input", "input");
        JsonObject frequency = blocks.get(0).getAsJsonObject();
        assertThat(frequency.get("block_id").getAsString()).isEqualTo(NudgeForm.FREQUENCY);
        assertThat(frequency.getAsJsonObject("label").get("text").getAsString()).isEqualTo("How often");
        JsonObject select = frequency.getAsJsonObject("element");
        assertThat(select.get("type").getAsString()).isEqualTo("static_select");
        assertThat(select.get("action_id").getAsString()).isEqualTo(NudgeForm.FREQUENCY);
        assertThat(select.getAsJsonArray("options")).hasSize(3);
        assertThat(select.getAsJsonObject("initial_option").get("value").getAsString())
                .isEqualTo("weekly");
        assertThat(select.getAsJsonObject("initial_option")
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo("Every week");
        assertThat(frequency.has("optional") && frequency.get("optional").getAsBoolean())
                .isFalse();

        JsonObject time = blocks.get(1).getAsJsonObject();
        assertThat(time.get("block_id").getAsString()).isEqualTo(NudgeForm.TIME);
        assertThat(time.getAsJsonObject("hint").get("text").getAsString()).isEqualTo("HH:mm, 24-hour");
        JsonObject input = time.getAsJsonObject("element");
        assertThat(input.get("type").getAsString()).isEqualTo("plain_text_input");
        assertThat(input.get("initial_value").getAsString()).isEqualTo("10:00");
        assertThat(input.get("max_length").getAsInt()).isEqualTo(5);

        JsonObject zone = blocks.get(2).getAsJsonObject();
        assertThat(zone.get("optional").getAsBoolean()).isTrue();
        assertThat(zone.getAsJsonObject("element").has("initial_value")).isFalse();

        FakeEditNudges.Call call = rig.nudges.calls.get(0);
        assertThat(call.kind()).isEqualTo("open");
        assertThat(call.admin()).isTrue();
        assertThat(call.channel()).isEqualTo(GENERAL);
        assertThat(call.language()).contains(Language.FR);
        // The form is the adapter's business: the click never reaches the conversation.
        assertThat(rig.converse.calls()).isZero();
    }

    @Test
    void aNonAdministratorIsToldWhyInsteadOfAForm() {
        String responseUrl = rig.responseUrl();

        rig.postForm(blockActions(MEMBER, "C0GENERAL", ActionIds.NUDGES_EDIT, "C0GENERAL", responseUrl));

        JsonObject answer = SlackRig.jsonOf(rig.awaitHooks(1).get(0));
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.get("replace_original").getAsBoolean()).isFalse();
        assertThat(SlackRig.texts(answer.getAsJsonArray("blocks"))).containsExactly(FakeEditNudges.DENIED);
        assertThat(rig.requests("views.open")).isEmpty();
        assertThat(rig.nudges.calls.get(0).admin()).isFalse();
        assertThat(rig.nudges.calls.get(0).language()).isEmpty();
    }

    @Test
    void aNonAdministratorClickingInTheAppHomeIsToldInTheDm() {
        rig.postForm(blockActions(MEMBER, null, ActionIds.NUDGES_EDIT, "en~C0RANDOM", null));

        LoggedRequest post = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.formOf(post)).containsEntry("channel", MEMBER);
        assertThat(SlackRig.texts(SlackRig.blocksOf(post))).containsExactly(FakeEditNudges.DENIED);
        assertThat(rig.nudges.calls.get(0).channel().channelId()).isEqualTo("C0RANDOM");
        assertThat(rig.requests("views.open")).isEmpty();
        assertThat(rig.hooks()).isEmpty();
    }

    @Test
    void aRejectedSubmissionShowsTheErrorsNextToTheFields() {
        rig.nudges.submitOutcome = new NudgeFormOutcome.Rejected(
                FakeEditNudges.form(GENERAL),
                Map.of(
                        NudgeForm.TIME,
                        "Write a time like 09:30",
                        NudgeForm.FREQUENCY,
                        "Choose one of the options in the list."));

        HttpResponse<String> response = rig.postForm(viewSubmission(
                ADMIN,
                "C0GENERAL",
                submitted("sometimes", "25:99"),
                List.of(NudgeForm.FREQUENCY, NudgeForm.TIME, NudgeForm.ZONE)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = SlackRig.json(response.body());
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        JsonObject errors = body.getAsJsonObject("errors");
        assertThat(errors.keySet()).containsExactlyInAnyOrder(NudgeForm.TIME, NudgeForm.FREQUENCY);
        assertThat(errors.get(NudgeForm.TIME).getAsString()).isEqualTo("Write a time like 09:30");

        FakeEditNudges.Call call = rig.nudges.calls.get(0);
        assertThat(call.kind()).isEqualTo("submit");
        assertThat(call.admin()).isTrue();
        assertThat(call.channel()).isEqualTo(GENERAL);
        assertThat(call.values())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(NudgeForm.FREQUENCY, "sometimes", NudgeForm.TIME, "25:99", NudgeForm.ZONE, ""));
        assertThat(rig.requests("views.publish")).isEmpty();
    }

    @Test
    void aSavedSubmissionClosesTheModalRepublishesTheHomeAndConfirmsInTheDm() {
        rig.nudges.submitOutcome = FakeEditNudges.saved(GENERAL);

        HttpResponse<String> response = rig.postForm(viewSubmission(
                ADMIN,
                "C0GENERAL",
                submitted("daily", "09:30"),
                List.of(NudgeForm.FREQUENCY, NudgeForm.TIME, NudgeForm.ZONE)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        LoggedRequest publish = rig.awaitApi("views.publish", 1).get(0);
        assertThat(SlackRig.formOf(publish)).containsEntry("user_id", ADMIN);
        JsonObject home =
                JsonParser.parseString(SlackRig.formOf(publish).get("view")).getAsJsonObject();
        assertThat(home.get("type").getAsString()).isEqualTo("home");
        assertThat(SlackRig.texts(home.getAsJsonArray("blocks"))).first().isEqualTo(FakeHome.TITLE);
        assertThat(rig.home.calls).containsExactly("slack:" + TEAM + ":" + ADMIN + " admin=true");
        LoggedRequest confirmation = rig.awaitApi("chat.postMessage", 1).get(0);
        assertThat(SlackRig.formOf(confirmation)).containsEntry("channel", ADMIN);
        assertThat(SlackRig.texts(SlackRig.blocksOf(confirmation))).containsExactly(FakeEditNudges.SAVED);
    }

    @Test
    void aSubmissionIsCheckedInTheLanguageTheFormWasShownIn() {
        rig.nudges.submitOutcome = FakeEditNudges.saved(GENERAL);

        rig.postForm(viewSubmission(
                ADMIN,
                "fr~C0GENERAL",
                submitted("daily", "09:30"),
                List.of(NudgeForm.FREQUENCY, NudgeForm.TIME, NudgeForm.ZONE)));
        rig.postForm(viewSubmission(
                ADMIN,
                "C0GENERAL",
                submitted("daily", "09:30"),
                List.of(NudgeForm.FREQUENCY, NudgeForm.TIME, NudgeForm.ZONE)));

        assertThat(rig.nudges.calls)
                .extracting(FakeEditNudges.Call::channel)
                .extracting(ChannelRef::channelId)
                .containsExactly("C0GENERAL", "C0GENERAL");
        assertThat(rig.nudges.calls)
                .extracting(FakeEditNudges.Call::language)
                .containsExactly(Optional.of(Language.FR), Optional.empty());
        rig.awaitApi("chat.postMessage", 2); // both confirmations sent before the next test
    }

    @Test
    void aDeniedSubmissionShowsTheReasonOnTheFirstField() {
        rig.nudges.submitOutcome = new NudgeFormOutcome.Denied(FakeEditNudges.DENIED);

        HttpResponse<String> response = rig.postForm(viewSubmission(
                MEMBER,
                "C0GENERAL",
                submitted("daily", "09:30"),
                List.of(NudgeForm.FREQUENCY, NudgeForm.TIME, NudgeForm.ZONE)));

        JsonObject body = SlackRig.json(response.body());
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(body.getAsJsonObject("errors").entrySet())
                .singleElement()
                .satisfies(e -> assertThat(e.getKey()).isEqualTo(NudgeForm.FREQUENCY))
                .satisfies(e -> assertThat(e.getValue().getAsString()).isEqualTo(FakeEditNudges.DENIED));
        assertThat(rig.nudges.calls.get(0).admin()).isFalse();
    }

    @Test
    void theHomeTabShowsTheHomePageWithItsButtons() {
        rig.postJson(SlackRig.eventCallback(SlackRig.eventId(), homeOpened(MEMBER, "home")));

        LoggedRequest publish = rig.awaitApi("views.publish", 1).get(0);
        assertThat(SlackRig.formOf(publish)).containsEntry("user_id", MEMBER);
        JsonObject view =
                JsonParser.parseString(SlackRig.formOf(publish).get("view")).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        JsonArray blocks = view.getAsJsonArray("blocks");
        assertThat(SlackRig.types(blocks))
                .containsExactly("header", "actions", "section", "actions", "section", "actions");
        assertThat(SlackRig.buttons(blocks))
                .containsExactly(
                        ActionIds.QUIZ_START + "=en~",
                        ActionIds.NUDGES_EDIT + "=en~C0GENERAL",
                        ActionIds.NUDGES_EDIT + "#2=en~C0RANDOM");
        assertThat(rig.home.calls).containsExactly("slack:" + TEAM + ":" + MEMBER + " admin=false");
    }

    @Test
    void theMessagesTabPublishesNothing() throws Exception {
        rig.postJson(SlackRig.eventCallback(SlackRig.eventId(), homeOpened(MEMBER, "messages")));
        // A home event afterwards, to have something to wait for: only it may publish.
        rig.postJson(SlackRig.eventCallback(SlackRig.eventId(), homeOpened(ADMIN, "home")));

        rig.awaitApi("views.publish", 1);
        assertThat(rig.requests("views.publish"))
                .singleElement()
                .satisfies(request -> assertThat(SlackRig.formOf(request)).containsEntry("user_id", ADMIN));
        assertThat(rig.home.calls).containsExactly("slack:" + TEAM + ":" + ADMIN + " admin=true");
    }

    @Test
    void manyHomesOpeningAtOnceStillKnowTheirAdmins() {
        rig.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/users.info"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=U0BUSY"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                "{\"ok\":true,\"user\":{\"id\":\"U0BUSY\",\"team_id\":\"" + TEAM
                                        + "\",\"is_admin\":true}}")
                        .withFixedDelay(250)));
        List<String> admins = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> "U0BUSY" + System.nanoTime() + i)
                .toList();

        admins.forEach(admin -> rig.postJson(SlackRig.eventCallback(SlackRig.eventId(), homeOpened(admin, "home"))));

        rig.awaitApi("views.publish", admins.size());
        // Lookups run on the handling thread: they never wait behind other events' work (which would time out as "not
        // an admin").
        assertThat(rig.home.calls).hasSize(admins.size()).allMatch(call -> call.endsWith("admin=true"));
    }

    private static JsonObject homeOpened(String user, String tab) {
        JsonObject event = SlackRig.object(
                "type",
                "app_home_opened",
                "user",
                user,
                "channel",
                "D0DM",
                "tab",
                tab,
                "event_ts",
                "1741599000.000300");
        return event;
    }

    private static Map<String, JsonObject> submitted(String frequency, String time) {
        Map<String, JsonObject> values = new LinkedHashMap<>();
        values.put(NudgeForm.FREQUENCY, selected(frequency));
        values.put(NudgeForm.TIME, typed(time));
        values.put(NudgeForm.ZONE, typed(null));
        return values;
    }
}
