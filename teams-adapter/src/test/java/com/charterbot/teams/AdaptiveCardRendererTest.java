package com.charterbot.teams;

import static com.charterbot.teams.TeamsRig.actions;
import static com.charterbot.teams.TeamsRig.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {

    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    private static Reply reply(Block... blocks) {
        return Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(blocks));
    }

    @Test
    void isAnAdaptiveCardTeamsRenders() {
        ObjectNode card = renderer.card(reply(new Block.Text("Hello")));

        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(card.path("fallbackText").asText()).isEqualTo("Hello");
    }

    @Test
    void showsAPictureAsAnImageCarriedInTheCardAndNoFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        JsonNode body = renderer.card(reply(
                        new Block.Heading("The last 12 weeks"),
                        new Block.Picture("Charts of 12 weeks", "c.png", png),
                        new Block.File("Weekly counts (CSV)", "s.csv", "text/csv", new byte[] {1}, Optional.empty())))
                .path("body");

        assertThat(body).hasSize(2);
        JsonNode image = body.path(1);
        assertThat(image.path("type").asText()).isEqualTo("Image");
        assertThat(image.path("url").asText())
                .isEqualTo(
                        "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png));
        assertThat(image.path("altText").asText()).isEqualTo("Charts of 12 weeks");
    }

    @Test
    void dropsAPictureTooBigForTeamsBeforeAnyText() {
        byte[] png = new byte[AdaptiveCardRenderer.MAX_CARD_BYTES];
        new java.util.Random(7).nextBytes(png);

        ObjectNode card = renderer.card(reply(
                new Block.Heading("The last 12 weeks"),
                new Block.Picture("Charts", "c.png", png),
                new Block.Checklist("Week by week", List.of("Week of 28 July: 3 questions"))));

        assertThat(AdaptiveCardRenderer.size(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
        assertThat(texts(card)).contains("The last 12 weeks", "Week by week", "\u2022 Week of 28 July: 3 questions");
        assertThat(card.toString()).doesNotContain("\"Image\"");
    }

    @Test
    void showsTextLiterallyWithoutMarkdown() {
        String text = "**not bold** [a link](https://evil.example) <b>tag</b> _x_";

        JsonNode element =
                renderer.card(reply(new Block.Text(text))).path("body").path(0);

        assertThat(element.path("type").asText())
                .as("TextRun never interprets Markdown")
                .isEqualTo("RichTextBlock");
        assertThat(element.path("inlines").path(0).path("type").asText()).isEqualTo("TextRun");
        assertThat(element.path("inlines").path(0).path("text").asText()).isEqualTo(text);
    }

    @Test
    void showsTheQuotesOfADraftAsPlainRuns() {
        JsonNode element = renderer.card(reply(new Block.Quoted(
                        "In your draft:",
                        List.of("\u201C[click](https://evil.example) @everyone\u201D", "\u201C**bold**\u201D"))))
                .path("body")
                .path(0);

        assertThat(element.path("type").asText()).isEqualTo("RichTextBlock");
        assertThat(element.path("inlines").path(0).path("text").asText()).isEqualTo("In your draft: ");
        assertThat(element.path("inlines").path(0).path("weight").asText()).isEqualTo("bolder");
        assertThat(element.path("inlines").path(1).path("text").asText())
                .isEqualTo("\u201C[click](https://evil.example) @everyone\u201D, \u201C**bold**\u201D");
        assertThat(element.path("inlines").path(1).has("selectAction")).isFalse();
    }

    @Test
    void laysEachBlockOut() {
        ObjectNode card = renderer.card(reply(
                new Block.Heading("Photos at work"),
                new Block.Text("First line\nSecond line"),
                new Block.Checklist("Before you post", List.of("Ask the people in it", "Hide screens")),
                new Block.CitedSection(
                        "Source", "photos", "Photos and videos", "https://intranet.example/charter#photos"),
                new Block.Suggestions(
                        "Did you mean",
                        List.of(Button.of(ActionIds.OPEN_SECTION, "en~press", "Talking to journalists"))),
                new Block.Context("Answer 2 of 3")));

        assertThat(texts(card))
                .containsExactly(
                        "Photos at work",
                        "First line",
                        "Second line",
                        "Before you post",
                        "\u2022 Ask the people in it",
                        "\u2022 Hide screens",
                        "Source: ",
                        "Photos and videos",
                        "Did you mean",
                        "Answer 2 of 3");
        JsonNode heading = card.path("body").path(0).path("inlines").path(0);
        assertThat(heading.path("weight").asText()).isEqualTo("bolder");
        assertThat(heading.path("size").asText()).isEqualTo("large");
        JsonNode link = card.path("body").findParents("selectAction").get(0).path("selectAction");
        assertThat(link.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(link.path("url").asText()).isEqualTo("https://intranet.example/charter#photos");
        assertThat(actions(card)).singleElement().satisfies(action -> {
            assertThat(action.path("title").asText()).isEqualTo("Talking to journalists");
            assertThat(action.path("data").path("actionId").asText()).isEqualTo(ActionIds.OPEN_SECTION);
            assertThat(action.path("data").path("value").asText()).isEqualTo("en~press");
        });
    }

    @Test
    void laysOutSectionsThatAlsoApplyWithTheirKeyPointAndAnOpenButtonEach() {
        ObjectNode card = renderer.card(reply(new Block.AlsoApplies(
                "S'applique aussi",
                List.of(
                        new Block.AlsoApplies.Point(
                                "Photos et vidéos",
                                "Vérifiez ce que montrent vos photos.",
                                Button.of(ActionIds.OPEN_SECTION, "fr~photos", "Lire la section")),
                        new Block.AlsoApplies.Point(
                                "Vie privée des collègues",
                                "Vos collègues décident.",
                                Button.of(ActionIds.OPEN_SECTION, "fr~colleagues", "Lire la section"))))));

        assertThat(texts(card))
                .containsExactly(
                        "S'applique aussi",
                        "Photos et vidéos",
                        "Vérifiez ce que montrent vos photos.",
                        "Vie privée des collègues",
                        "Vos collègues décident.");
        assertThat(card.path("body")
                        .path(0)
                        .path("inlines")
                        .path(0)
                        .path("weight")
                        .asText())
                .isEqualTo("bolder");
        assertThat(card.path("body")
                        .path(1)
                        .path("inlines")
                        .path(0)
                        .path("weight")
                        .asText())
                .isEqualTo("bolder");
        assertThat(actions(card))
                .extracting(action -> action.path("data").path("value").asText())
                .containsExactly("fr~photos", "fr~colleagues");
        assertThat(actions(card)).allSatisfy(action -> {
            assertThat(action.path("title").asText()).isEqualTo("Lire la section");
            assertThat(action.path("data").path("actionId").asText()).isEqualTo(ActionIds.OPEN_SECTION);
        });
        assertThat(card.path("fallbackText").asText())
                .contains("Photos et vidéos: Vérifiez ce que montrent vos photos.");
    }

    @Test
    void linksOnlyWebAddresses() {
        ObjectNode card = renderer.card(reply(new Block.CitedSection("Source", "s", "Title", "javascript:alert(1)")));

        assertThat(card.path("body").toString()).doesNotContain("javascript").doesNotContain("selectAction");
    }

    @Test
    void passesButtonValuesBackUntouchedAndMapsStyles() {
        ObjectNode card = renderer.card(reply(
                new Block.Text("Quiz"),
                new Block.Buttons(List.of(
                        new Button(ActionIds.QUIZ_START, "", "Start", Button.Style.PRIMARY),
                        new Button(ActionIds.FEEDBACK_NOT_HELPFUL, "fr~ANSWER:photos", "Non", Button.Style.DANGER)))));

        List<JsonNode> actions = actions(card);
        assertThat(actions.get(0).path("style").asText()).isEqualTo("positive");
        assertThat(actions.get(0).path("data").path("value").asText()).isEmpty();
        assertThat(actions.get(1).path("style").asText()).isEqualTo("destructive");
        assertThat(actions.get(1).path("data").path("value").asText()).isEqualTo("fr~ANSWER:photos");
    }

    @Test
    void splitsManyButtonsIntoActionSetsTeamsShows() {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            buttons.add(Button.of(ActionIds.QUIZ_ANSWER, "s:0:" + i, "Option " + i));
        }

        ObjectNode card = renderer.card(reply(new Block.Text("Question"), new Block.Buttons(buttons)));

        assertThat(card.path("body"))
                .hasSize(4)
                .filteredOn(element -> element.has("actions"))
                .allSatisfy(set ->
                        assertThat(set.path("actions").size()).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_ACTIONS));
        assertThat(actions(card)).hasSize(14);
    }

    @Test
    void keepsAHugeReplyUnderTheSizeLimitWithItsButtons() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(new Block.Text("\u00e9t\u00e9 ".repeat(400) + i));
        }
        blocks.add(new Block.Buttons(List.of(Button.of(ActionIds.FEEDBACK_HELPFUL, "en~x", "Helpful"))));

        ObjectNode card = renderer.card(Reply.of(Language.FR, Reply.Delivery.CONVERSATION, blocks));

        assertThat(AdaptiveCardRenderer.size(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
        assertThat(actions(card)).hasSize(1);
        assertThat(texts(card)).anySatisfy(text -> assertThat(text).endsWith("\u2026"));
    }

    @Test
    void rendersEveryReplyOfTheBundledConversationWithinTheLimit() {
        var conversation = TestConversation.builder()
                .admins(new AdminDirectory(Set.of(), Set.of("admin")))
                .build()
                .conversation;
        UserRef admin = new UserRef(Platform.TEAMS, "t", "admin");
        ChannelRef channel = new ChannelRef(Platform.TEAMS, "t", "19:c@thread.tacv2");
        for (String text : List.of(
                "help",
                "aide",
                "quiz",
                "tip",
                "settings",
                "nudges",
                "stats",
                "can I post this photo?",
                "un journaliste m'a appel\u00e9",
                "order me a pizza",
                "lang fr")) {
            for (Reply reply : conversation.onMessage(
                    new Message(admin, channel, text, Message.Origin.MENTION, false, Optional.empty()))) {
                ObjectNode card = renderer.card(reply);
                assertThat(AdaptiveCardRenderer.size(card)).isLessThanOrEqualTo(AdaptiveCardRenderer.MAX_CARD_BYTES);
                assertThat(card.path("body").size()).as(text).isPositive();
            }
        }
    }

    @Test
    void laysTheNudgeFormOutWithItsErrors() {
        ChannelRef channel = new ChannelRef(Platform.TEAMS, "t", Activities.GENERAL);

        ObjectNode form = renderer.form(Fakes.Nudges.form(channel, "OFF", "7pm"), Map.of("time", "Use HH:mm"));

        JsonNode body = form.path("body");
        JsonNode frequency = body.findParents("id").stream()
                .filter(n -> n.path("id").asText().equals("frequency"))
                .findFirst()
                .orElseThrow();
        assertThat(frequency.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(frequency.path("value").asText()).isEqualTo("OFF");
        assertThat(frequency.path("choices").findValuesAsText("value")).containsExactly("WEEKLY", "OFF");
        JsonNode time = body.findParents("id").stream()
                .filter(n -> n.path("id").asText().equals("time"))
                .findFirst()
                .orElseThrow();
        assertThat(time.path("type").asText()).isEqualTo("Input.Text");
        assertThat(time.path("maxLength").asInt()).isEqualTo(5);
        assertThat(texts(form)).containsSubsequence("Nudges in General", "HH:mm, 24-hour", "Use HH:mm");
        JsonNode error = body.findParents("color").get(0);
        assertThat(error.path("color").asText()).isEqualTo("attention");
        assertThat(error.path("text").asText()).isEqualTo("Use HH:mm");
        List<JsonNode> buttons = actions(form);
        assertThat(buttons.get(0).path("data").path("value").asText()).isEqualTo(Activities.GENERAL);
        assertThat(buttons.get(1).path("associatedInputs").asText()).isEqualTo("none");
    }
}
