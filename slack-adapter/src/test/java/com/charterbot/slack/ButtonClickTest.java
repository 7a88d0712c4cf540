package com.charterbot.slack;

import static com.charterbot.slack.SlackRig.CHANNEL;
import static com.charterbot.slack.SlackRig.MEMBER;
import static com.charterbot.slack.SlackRig.TEAM;
import static com.charterbot.slack.SlackRig.blockActions;
import static com.charterbot.slack.SlackRig.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.values.ActionEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clicks on the bot's buttons ({@code block_actions}), answered through the {@code response_url} or in the DM. */
class ButtonClickTest extends SharedRigTest {

    @Test
    void aQuizIsStartedAndAnsweredWithTheClickedMessageReplaced() {
        JsonObject quiz = SlackRig.json(rig.postForm(slashCommand(MEMBER, CHANNEL, "quiz", rig.responseUrl()))
                .body());
        JsonArray question = quiz.getAsJsonArray("blocks");
        assertThat(SlackRig.texts(question).get(0)).isEqualTo("Question 1 of 3");
        List<String> options = SlackRig.buttons(question);
        assertThat(options).hasSizeGreaterThanOrEqualTo(2).allMatch(b -> b.startsWith(ActionIds.QUIZ_ANSWER));
        // The second option carries a suffixed action id, as Slack will send it back.
        String[] second = options.get(1).split("=", 2);
        assertThat(second[0]).isEqualTo(ActionIds.QUIZ_ANSWER + "#2");
        String responseUrl = rig.responseUrl();

        HttpResponse<String> ack = rig.postForm(blockActions(MEMBER, CHANNEL, second[0], second[1], responseUrl));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        List<LoggedRequest> answers = rig.awaitHooks(2);
        assertThat(answers)
                .allMatch(request ->
                        request.getUrl().equals(URI.create(responseUrl).getPath()));
        JsonObject replaced = answers.stream()
                .map(SlackRig::jsonOf)
                .filter(json -> json.get("replace_original").getAsBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(SlackRig.texts(replaced.getAsJsonArray("blocks"))).first().isEqualTo("Question 1 of 3");
        assertThat(SlackRig.buttons(replaced.getAsJsonArray("blocks"))).isEmpty();
        JsonObject next = answers.stream()
                .map(SlackRig::jsonOf)
                .filter(json -> !json.get("replace_original").getAsBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(next.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(SlackRig.texts(next.getAsJsonArray("blocks"))).first().isEqualTo("Question 2 of 3");
        assertThat(SlackRig.buttons(next.getAsJsonArray("blocks"))).allMatch(b -> b.startsWith(ActionIds.QUIZ_ANSWER));

        ActionEvent click = rig.converse.actions.get(0);
        assertThat(click.actionId()).isEqualTo(ActionIds.QUIZ_ANSWER);
        assertThat(click.value()).isEqualTo(second[1]);
        assertThat(click.user().userId()).isEqualTo(MEMBER);
        assertThat(click.conversation().channelId()).isEqualTo(CHANNEL);
        assertThat(click.conversation().tenant()).isEqualTo(TEAM);
        assertThat(click.platformLanguage()).isEmpty();
    }

    @Test
    void aSecondClickOnAnAnsweredQuestionSendsNothing() {
        JsonArray question = SlackRig.json(rig.postForm(slashCommand(MEMBER, CHANNEL, "quiz", rig.responseUrl()))
                        .body())
                .getAsJsonArray("blocks");
        String[] first = SlackRig.buttons(question).get(0).split("=", 2);
        rig.postForm(blockActions(MEMBER, CHANNEL, first[0], first[1], rig.responseUrl()));
        rig.awaitHooks(2);

        HttpResponse<String> again = rig.postForm(blockActions(MEMBER, CHANNEL, first[0], first[1], rig.responseUrl()));

        assertThat(again.statusCode()).isEqualTo(200);
        SlackRig.awaitTrue(() -> rig.converse.actionReplies.size() == 2, "the second click to reach the conversation");
        assertThat(rig.converse.actionReplies.get(1)).isEmpty();
        assertThat(rig.hooks()).hasSize(2);
        assertThat(rig.requests("chat.postMessage")).isEmpty();
    }

    @Test
    void anUnknownActionIsAnsweredPolitelyAndPrivately() {
        String responseUrl = rig.responseUrl();

        HttpResponse<String> ack =
                rig.postForm(blockActions(MEMBER, CHANNEL, "something.else#7", "garbage", responseUrl));

        assertThat(ack.statusCode()).isEqualTo(200);
        JsonObject answer = SlackRig.jsonOf(rig.awaitHooks(1).get(0));
        assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.get("replace_original").getAsBoolean()).isFalse();
        assertThat(answer.get("text").getAsString()).startsWith("This button is no longer available.");
        assertThat(rig.converse.actions.get(0).actionId()).isEqualTo("something.else");
    }

    @Test
    void aQuizStartedFromTheAppHomeGoesToTheDirectMessages() {
        HttpResponse<String> ack = rig.postForm(blockActions(MEMBER, null, ActionIds.QUIZ_START, "en~", null));

        assertThat(ack.statusCode()).isEqualTo(200);
        LoggedRequest post = rig.awaitApi("chat.postMessage", 1).get(0);
        Map<String, String> form = SlackRig.formOf(post);
        assertThat(form).containsEntry("channel", MEMBER).doesNotContainKey("thread_ts");
        assertThat(SlackRig.texts(SlackRig.blocksOf(post)).get(0)).isEqualTo("Question 1 of 3");
        assertThat(SlackRig.buttons(SlackRig.blocksOf(post))).allMatch(b -> b.startsWith(ActionIds.QUIZ_ANSWER));
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + SlackRig.BOT_TOKEN);
        assertThat(rig.converse.actions.get(0).conversation().channelId()).isEqualTo(MEMBER);
        assertThat(rig.hooks()).isEmpty();
    }

    @Test
    void aResponseUrlOutsideSlackIsNotFollowed() {
        HttpResponse<String> ack = rig.postForm(
                blockActions(MEMBER, CHANNEL, ActionIds.TIP_NEXT, "en~", "https://attacker.example/collect"));

        assertThat(ack.statusCode()).isEqualTo(200);
        // Treated like a click without response_url: the answer goes to the person's DM instead.
        assertThat(SlackRig.formOf(rig.awaitApi("chat.postMessage", 1).get(0))).containsEntry("channel", MEMBER);
        assertThat(rig.hooks()).isEmpty();
    }

    @Test
    void aPayloadWithoutUserIsRefused() {
        String payload = "payload="
                + java.net.URLEncoder.encode(
                        "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM
                                + "\"},\"actions\":[{\"action_id\":\"charter.tip.next\"}]}",
                        java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = rig.postForm(payload);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(rig.converse.calls()).isZero();
    }
}
