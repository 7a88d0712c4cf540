package com.charterbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.chat.ConversationService;
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
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {

    private static final Gson SLACK_GSON = GsonFactory.createSnakeCase();
    private static final String HOSTILE = "<@U123> & <script>";
    private static final String HOSTILE_ESCAPED = "&lt;@U123&gt; &amp; &lt;script&gt;";

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    // ----- every block type -----

    @Test
    void mapsEveryBlockTypeToItsBlockKitWidget() {
        Reply reply = Reply.of(
                Language.EN,
                Reply.Delivery.PRIVATE,
                List.of(
                        new Block.Heading("Posting photos of the office"),
                        new Block.Text("You may share photos of public areas."),
                        new Block.Checklist("Before you post", List.of("No screens", "No badges")),
                        new Block.CitedSection(
                                "Source", "photos", "Photos and videos", "https://intranet.example/charter#photos"),
                        new Block.Buttons(List.of(
                                new Button(ActionIds.FEEDBACK_HELPFUL, "token-1", "Helpful", Button.Style.PRIMARY),
                                new Button(
                                        ActionIds.FEEDBACK_NOT_HELPFUL, "token-1", "Not helpful", Button.Style.DANGER),
                                Button.of(ActionIds.QUIZ_START, "q", "Start a quiz"))),
                        new Block.Suggestions(
                                "See also", List.of(Button.of(ActionIds.OPEN_SECTION, "events", "Events"))),
                        new Block.Context("Confidence: high")));

        JsonArray blocks = json(reply);

        assertThat(types(blocks))
                .containsExactly("header", "section", "section", "context", "actions", "section", "actions", "context");
        assertThat(text(blocks.get(0))).isEqualTo("Posting photos of the office");
        assertThat(blocks.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("type")
                        .getAsString())
                .isEqualTo("plain_text");
        assertThat(blocks.get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("type")
                        .getAsString())
                .isEqualTo("mrkdwn");
        assertThat(text(blocks.get(1))).isEqualTo("You may share photos of public areas.");
        assertThat(text(blocks.get(2))).isEqualTo("*Before you post*\n\u2022 No screens\n\u2022 No badges");
        assertThat(contextTexts(blocks.get(3)))
                .containsExactly("Source: <https://intranet.example/charter#photos|Photos and videos>");
        assertThat(text(blocks.get(5))).isEqualTo("*See also*");
        assertThat(contextTexts(blocks.get(7))).containsExactly("Confidence: high");

        JsonArray buttons = elements(blocks.get(4));
        assertThat(buttons).hasSize(3);
        JsonObject helpful = buttons.get(0).getAsJsonObject();
        assertThat(helpful.get("type").getAsString()).isEqualTo("button");
        assertThat(helpful.get("action_id").getAsString()).isEqualTo(ActionIds.FEEDBACK_HELPFUL);
        assertThat(helpful.get("value").getAsString()).isEqualTo("token-1");
        assertThat(helpful.get("style").getAsString()).isEqualTo("primary");
        assertThat(helpful.getAsJsonObject("text").get("type").getAsString()).isEqualTo("plain_text");
        assertThat(helpful.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Helpful");
        assertThat(buttons.get(1).getAsJsonObject().get("style").getAsString()).isEqualTo("danger");
        assertThat(buttons.get(2).getAsJsonObject().has("style")).isFalse();
        assertThat(elements(blocks.get(6))
                        .get(0)
                        .getAsJsonObject()
                        .get("action_id")
                        .getAsString())
                .isEqualTo(ActionIds.OPEN_SECTION);
    }

    @Test
    void laysOutSectionsThatAlsoApplyWithTheirKeyPointAndAnOpenButtonEach() {
        JsonArray blocks = json(reply(new Block.AlsoApplies(
                "Also applies",
                List.of(
                        new Block.AlsoApplies.Point(
                                "Photos and videos",
                                "Check what your photos show.",
                                Button.of(ActionIds.OPEN_SECTION, "photos", "Read the section")),
                        new Block.AlsoApplies.Point(
                                "Colleagues' privacy",
                                "Your colleagues decide.",
                                Button.of(ActionIds.OPEN_SECTION, "colleagues", "Read the section"))))));

        assertThat(types(blocks)).containsExactly("section", "section", "section");
        assertThat(text(blocks.get(0))).isEqualTo("*Also applies*");
        assertThat(text(blocks.get(1))).isEqualTo("*Photos and videos*\nCheck what your photos show.");
        assertThat(text(blocks.get(2))).isEqualTo("*Colleagues' privacy*\nYour colleagues decide.");
        JsonObject first = blocks.get(1).getAsJsonObject().getAsJsonObject("accessory");
        JsonObject second = blocks.get(2).getAsJsonObject().getAsJsonObject("accessory");
        assertThat(first.get("type").getAsString()).isEqualTo("button");
        assertThat(first.get("value").getAsString()).isEqualTo("photos");
        assertThat(first.get("action_id").getAsString()).isEqualTo(ActionIds.OPEN_SECTION);
        assertThat(second.get("action_id").getAsString())
                .as("unique within the message")
                .isEqualTo(ActionIds.OPEN_SECTION + "#2");
        assertThat(BlockKitRenderer.routedActionId(second.get("action_id").getAsString()))
                .isEqualTo(ActionIds.OPEN_SECTION);
    }

    @Test
    void escapesTheTitleAndKeyPointOfSectionsThatAlsoApply() {
        JsonArray blocks = json(reply(new Block.AlsoApplies(
                HOSTILE,
                List.of(new Block.AlsoApplies.Point(
                        HOSTILE, HOSTILE, Button.of(ActionIds.OPEN_SECTION, "s", "Read"))))));

        assertThat(text(blocks.get(0))).isEqualTo("*" + HOSTILE_ESCAPED + "*");
        assertThat(text(blocks.get(1))).isEqualTo("*" + HOSTILE_ESCAPED + "*\n" + HOSTILE_ESCAPED);
        assertThat(SLACK_GSON.toJson(blocks)).doesNotContain("<@U123>").doesNotContain("<script>");
    }

    @Test
    void leavesPicturesAndFilesToTheUploadAndKeepsTheirDescriptionInTheFallbackText() {
        Reply reply = Reply.of(
                Language.EN,
                Reply.Delivery.PRIVATE,
                List.of(
                        new Block.Heading("The last 12 weeks"),
                        new Block.Picture("Charts of the last 12 weeks", "chart.png", new byte[] {1, 2}),
                        new Block.File(
                                "Weekly counts (CSV)", "stats.csv", "text/csv", new byte[] {3}, Optional.empty()),
                        new Block.Context("Counts only")));

        assertThat(types(json(reply))).containsExactly("header", "context");
        assertThat(renderer.fallbackText(reply)).contains("Charts of the last 12 weeks", "Weekly counts (CSV)");
    }

    @Test
    void citesASectionWithoutLinkByItsPlainTitle() {
        JsonArray blocks = json(reply(new Block.CitedSection("Source", "photos", "Photos", null)));

        assertThat(contextTexts(blocks.get(0))).containsExactly("Source: Photos");
    }

    // ----- escaping -----

    @Test
    void escapingLeavesATextWithoutControlCharactersAsItIsAndEscapesEveryOneWhereverItIs() {
        String plain = "Préférez un lien vers la page officielle : c'est plus sûr.";

        assertThat(BlockKitRenderer.escape(plain)).isSameAs(plain);
        assertThat(BlockKitRenderer.escape("")).isEmpty();
        assertThat(BlockKitRenderer.escape("<!channel> R&D > ventes"))
                .isEqualTo("&lt;!channel&gt; R&amp;D &gt; ventes");
        assertThat(BlockKitRenderer.escape("à la fin <")).isEqualTo("à la fin &lt;");
        assertThat(BlockKitRenderer.escape("&")).isEqualTo("&amp;");
    }

    @Test
    void escapesMentionsAndMarkupInEveryText() {
        JsonArray blocks = json(reply(
                new Block.Text(HOSTILE),
                new Block.Checklist(HOSTILE, List.of(HOSTILE)),
                new Block.CitedSection(HOSTILE, "s", HOSTILE, "https://x.example/?a=1&b=2"),
                new Block.Suggestions(HOSTILE, List.of(Button.of(ActionIds.OPEN_SECTION, "s", "Open"))),
                new Block.Context(HOSTILE)));

        assertThat(text(blocks.get(0))).isEqualTo(HOSTILE_ESCAPED);
        assertThat(text(blocks.get(1))).isEqualTo("*" + HOSTILE_ESCAPED + "*\n\u2022 " + HOSTILE_ESCAPED);
        assertThat(contextTexts(blocks.get(2)))
                .containsExactly(HOSTILE_ESCAPED + ": <https://x.example/?a=1&amp;b=2|" + HOSTILE_ESCAPED + ">");
        assertThat(text(blocks.get(3))).isEqualTo("*" + HOSTILE_ESCAPED + "*");
        assertThat(contextTexts(blocks.get(5))).containsExactly(HOSTILE_ESCAPED);
        assertThat(SLACK_GSON.toJson(blocks)).doesNotContain("<@U123>").doesNotContain("<script>");
    }

    @Test
    void showsQuotesOfADraftVerbatimSoThatNothingInThemPingsOrLinks() {
        JsonArray blocks = json(reply(new Block.Quoted(
                "In your draft:",
                List.of(
                        "\u201C<!channel> see https://intranet.acme.local\u201D",
                        "\u201C@here <https://x.example|click> *bold*\u201D"))));

        assertThat(blocks).hasSize(1);
        JsonElement text = blocks.get(0).getAsJsonObject().get("text");
        assertThat(text.getAsJsonObject().get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(text.getAsJsonObject().get("verbatim").getAsBoolean())
                .as("no automatic links or mentions")
                .isTrue();
        assertThat(text(blocks.get(0)))
                .isEqualTo("*In your draft:* \u201C&lt;!channel&gt; see https://intranet.acme.local\u201D, "
                        + "\u201C@here &lt;https://x.example|click&gt; *bold*\u201D");
    }

    @Test
    void keepsHeadingsAndButtonLabelsLiteralBecausePlainTextIsNotParsed() {
        JsonArray blocks =
                json(reply(new Block.Heading(HOSTILE), new Block.Buttons(List.of(Button.of("a", "v", HOSTILE)))));

        assertThat(text(blocks.get(0))).isEqualTo(HOSTILE);
        assertThat(elements(blocks.get(1))
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo(HOSTILE);
    }

    @Test
    void escapesTheFallbackText() {
        Reply reply = Reply.of(Language.EN, Reply.Delivery.CONVERSATION, List.of(new Block.Text(HOSTILE)));

        assertThat(renderer.fallbackText(reply)).isEqualTo(HOSTILE_ESCAPED);
    }

    @Test
    void keepsALinkFromEndingEarlyOnAPipe() {
        JsonArray blocks = json(reply(new Block.CitedSection("Source", "s", "T|itle", "https://x.example/a|b")));

        assertThat(contextTexts(blocks.get(0))).containsExactly("Source: <https://x.example/a%7Cb|T|itle>");
    }

    // ----- limits -----

    @Test
    void cutsAHeadingTo150CharactersWithAnEllipsis() {
        String heading = "H".repeat(200);

        String shown = text(json(reply(new Block.Heading(heading))).get(0));

        assertThat(shown).hasSize(BlockKitRenderer.MAX_HEADER_TEXT).isEqualTo("H".repeat(149) + "\u2026");
    }

    @Test
    void cutsAButtonLabelTo75CharactersWithAnEllipsis() {
        String label = "Option ".repeat(20);

        JsonObject button = elements(json(reply(new Block.Buttons(List.of(Button.of("a", "v", label)))))
                        .get(0))
                .get(0)
                .getAsJsonObject();

        String shown = button.getAsJsonObject("text").get("text").getAsString();
        assertThat(shown).hasSize(75).endsWith("\u2026").isEqualTo(label.substring(0, 74) + "\u2026");
    }

    @Test
    void keepsA75CharacterButtonLabelWhole() {
        String label = "x".repeat(75);

        JsonObject button = elements(json(reply(new Block.Buttons(List.of(Button.of("a", "v", label)))))
                        .get(0))
                .get(0)
                .getAsJsonObject();

        assertThat(button.getAsJsonObject("text").get("text").getAsString()).isEqualTo(label);
    }

    @Test
    void neverCutsAnEmojiInHalfWhenCuttingALabel() {
        String label = "a".repeat(73) + "\uD83D\uDE00" + "tail";

        JsonObject button = elements(json(reply(new Block.Buttons(List.of(Button.of("a", "v", label)))))
                        .get(0))
                .get(0)
                .getAsJsonObject();

        assertThat(button.getAsJsonObject("text").get("text").getAsString()).isEqualTo("a".repeat(73) + "\u2026");
    }

    @Test
    void passesAFullLengthButtonValueThroughUntouched() {
        String value = "v".repeat(2_000);

        JsonObject button = elements(json(reply(new Block.Buttons(List.of(Button.of("a", value, "Go")))))
                        .get(0))
                .get(0)
                .getAsJsonObject();

        assertThat(button.get("value").getAsString()).isEqualTo(value);
    }

    @Test
    void leavesAnEmptyButtonValueOutOfTheJson() {
        JsonObject button = elements(json(reply(new Block.Buttons(List.of(Button.of(ActionIds.TIP_NEXT, "", "Next")))))
                        .get(0))
                .get(0)
                .getAsJsonObject();

        assertThat(button.has("value")).isFalse();
    }

    @Test
    void splitsATextOver3000CharactersIntoSectionsAtLineBreaks() {
        String paragraph = "Lorem ipsum dolor sit amet & co. ".repeat(30).strip(); // ~1,000 characters, ~1,100 escaped
        String text = String.join("\n", paragraph, paragraph, paragraph, paragraph, paragraph);

        JsonArray blocks = json(reply(new Block.Text(text)));

        assertThat(types(blocks)).hasSizeGreaterThan(1).containsOnly("section");
        List<String> parts = new ArrayList<>();
        for (JsonElement block : blocks) {
            String part = text(block);
            assertThat(part.length()).isLessThanOrEqualTo(BlockKitRenderer.MAX_SECTION_TEXT);
            assertThat(part).startsWith("Lorem").endsWith("co.");
            parts.add(part);
        }
        assertThat(String.join("\n", parts)).isEqualTo(BlockKitRenderer.escape(text));
    }

    @Test
    void splitsAnUnbrokenEscapedTextWithoutCuttingAnEntity() {
        String text = "&".repeat(1_000); // 5,000 characters once escaped, no space to cut at

        JsonArray blocks = json(reply(new Block.Text(text)));

        StringBuilder joined = new StringBuilder();
        for (JsonElement block : blocks) {
            String part = text(block);
            assertThat(part.length()).isLessThanOrEqualTo(3_000);
            assertThat(part).matches("(&amp;)+");
            joined.append(part);
        }
        assertThat(joined.toString()).isEqualTo("&amp;".repeat(1_000));
    }

    @Test
    void splitsALongChecklistBetweenItems() {
        List<String> items = IntStream.range(0, 100)
                .mapToObj(i -> "Item " + i + " " + "x".repeat(50))
                .toList();

        JsonArray blocks = json(reply(new Block.Checklist("Do", items)));

        assertThat(blocks.size()).isGreaterThan(1);
        assertThat(text(blocks.get(0))).startsWith("*Do*\n\u2022 Item 0 ");
        for (JsonElement block : blocks) {
            assertThat(text(block).length()).isLessThanOrEqualTo(3_000);
            assertThat(text(block).lines().filter(l -> !l.equals("*Do*")))
                    .allMatch(l -> l.matches("\u2022 Item \\d+ x{50}"));
        }
    }

    @Test
    void putsAtMost25ButtonsInOneActionsBlock() {
        List<Button> buttons = IntStream.range(0, 60)
                .mapToObj(i -> Button.of("choice." + i, "v" + i, "Choice " + i))
                .toList();

        JsonArray blocks = json(reply(new Block.Buttons(buttons)));

        assertThat(types(blocks)).containsExactly("actions", "actions", "actions");
        assertThat(elements(blocks.get(0))).hasSize(25);
        assertThat(elements(blocks.get(1))).hasSize(25);
        assertThat(elements(blocks.get(2))).hasSize(10);
        assertThat(elements(blocks.get(2)).get(9).getAsJsonObject().get("value").getAsString())
                .isEqualTo("v59");
    }

    @Test
    void keepsTheFirst50BlocksOfALongerReply() {
        List<Block> many = IntStream.range(0, 70)
                .<Block>mapToObj(i -> new Block.Text("Paragraph " + i))
                .toList();

        JsonArray blocks = json(reply(many.toArray(Block[]::new)));

        assertThat(blocks).hasSize(BlockKitRenderer.MAX_BLOCKS);
        assertThat(text(blocks.get(0))).isEqualTo("Paragraph 0");
        assertThat(text(blocks.get(49))).isEqualTo("Paragraph 49");
    }

    @Test
    void capsAtFiftyBlocksEvenWhenOneReplyBlockExpandsPastIt() {
        List<Block> blocks = new ArrayList<>();
        IntStream.range(0, 48).forEach(i -> blocks.add(new Block.Context("c" + i)));
        blocks.add(new Block.Buttons(IntStream.range(0, 75)
                .mapToObj(i -> Button.of("b", "v" + i, "B" + i))
                .toList()));

        JsonArray json = json(reply(blocks.toArray(Block[]::new)));

        assertThat(json).hasSize(50);
        assertThat(types(json).subList(48, 50)).containsExactly("actions", "actions");
    }

    // ----- action ids -----

    @Test
    void makesRepeatedActionIdsUniqueInTheMessage() {
        Reply reply = reply(
                new Block.Buttons(List.of(
                        Button.of(ActionIds.QUIZ_ANSWER, "s:0:0", "A"),
                        Button.of(ActionIds.QUIZ_ANSWER, "s:0:1", "B"),
                        Button.of(ActionIds.QUIZ_ANSWER, "s:0:2", "C"))),
                new Block.Suggestions(
                        "See also",
                        List.of(
                                Button.of(ActionIds.OPEN_SECTION, "a", "A"),
                                Button.of(ActionIds.OPEN_SECTION, "b", "B"))),
                new Block.Buttons(List.of(Button.of(ActionIds.QUIZ_ANSWER, "s:0:3", "D"))));

        List<String> ids = actionIds(json(reply));

        assertThat(ids)
                .containsExactly(
                        ActionIds.QUIZ_ANSWER,
                        ActionIds.QUIZ_ANSWER + "#2",
                        ActionIds.QUIZ_ANSWER + "#3",
                        ActionIds.OPEN_SECTION,
                        ActionIds.OPEN_SECTION + "#2",
                        ActionIds.QUIZ_ANSWER + "#4");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().map(BlockKitRenderer::routedActionId))
                .containsExactly(
                        ActionIds.QUIZ_ANSWER,
                        ActionIds.QUIZ_ANSWER,
                        ActionIds.QUIZ_ANSWER,
                        ActionIds.OPEN_SECTION,
                        ActionIds.OPEN_SECTION,
                        ActionIds.QUIZ_ANSWER);
    }

    @Test
    void routesAnActionIdWithoutANumericSuffixUnchanged() {
        assertThat(BlockKitRenderer.routedActionId(ActionIds.TIP_NEXT)).isEqualTo(ActionIds.TIP_NEXT);
        assertThat(BlockKitRenderer.routedActionId("odd#")).isEqualTo("odd#");
        assertThat(BlockKitRenderer.routedActionId("odd#x1")).isEqualTo("odd#x1");
        assertThat(BlockKitRenderer.routedActionId("odd#12")).isEqualTo("odd");
    }

    // ----- real replies of bot-core -----

    @Test
    void rendersTheRealConversationsRepliesWithinSlacksLimits() {
        ConversationService conversation = TestConversation.create();
        UserRef user = new UserRef(Platform.SLACK, "T1", "U1");
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T1", "C1");
        List<String> inputs = List.of(
                "help",
                "aide",
                "Can I post a photo of the office on Instagram?",
                "Puis-je publier une photo du bureau ?",
                "quiz",
                "tip",
                "what is the wifi password",
                HOSTILE,
                "settings");

        int rendered = 0;
        Set<String> seenTypes = new HashSet<>();
        for (String input : inputs) {
            for (Reply reply : conversation.onMessage(
                    new Message(user, channel, input, Message.Origin.COMMAND, false, Optional.empty()))) {
                JsonArray blocks = json(reply);
                assertThat(blocks.size()).as(input).isBetween(1, BlockKitRenderer.MAX_BLOCKS);
                assertWithinSlackLimits(blocks, input);
                assertThat(SLACK_GSON.toJson(blocks)).as(input).doesNotContain("<@U123>");
                assertThat(renderer.fallbackText(reply)).as(input).isNotBlank().doesNotContain("<@U123>");
                types(blocks).forEach(seenTypes::add);
                rendered++;
            }
        }

        assertThat(rendered).isGreaterThanOrEqualTo(inputs.size());
        assertThat(seenTypes).contains("section", "actions").isSubsetOf("header", "section", "context", "actions");
    }

    @Test
    void carriesTheLanguageTaggedValuesOfTheConversationUntouched() {
        ConversationService conversation = TestConversation.create();
        UserRef user = new UserRef(Platform.SLACK, "T1", "U1");
        ChannelRef channel = new ChannelRef(Platform.SLACK, "T1", "C1");
        Reply quiz = conversation
                .onMessage(new Message(user, channel, "quizz", Message.Origin.COMMAND, false, Optional.empty()))
                .get(0);

        JsonArray blocks = json(quiz);

        List<String> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonElement block : blocks) {
            if (type(block).equals("actions")) {
                for (JsonElement button : elements(block)) {
                    values.add(button.getAsJsonObject().get("value").getAsString());
                    ids.add(BlockKitRenderer.routedActionId(
                            button.getAsJsonObject().get("action_id").getAsString()));
                }
            }
        }
        assertThat(values).isNotEmpty().allMatch(v -> v.startsWith("fr~"));
        assertThat(ids).contains(ActionIds.QUIZ_ANSWER);
    }

    // ----- helpers -----

    private static void assertWithinSlackLimits(JsonArray blocks, String input) {
        Set<String> actionIds = new HashSet<>();
        for (JsonElement element : blocks) {
            JsonObject block = element.getAsJsonObject();
            switch (type(block)) {
                case "header" -> assertThat(text(block).length()).as(input).isBetween(1, 150);
                case "section" -> assertThat(text(block).length()).as(input).isBetween(1, 3_000);
                case "context" -> {
                    assertThat(elements(block).size()).as(input).isBetween(1, 10);
                    contextTexts(block)
                            .forEach(t -> assertThat(t.length()).as(input).isBetween(1, 3_000));
                }
                case "actions" -> {
                    assertThat(elements(block).size()).as(input).isBetween(1, 25);
                    for (JsonElement b : elements(block)) {
                        JsonObject button = b.getAsJsonObject();
                        assertThat(button.get("type").getAsString()).isEqualTo("button");
                        assertThat(button.getAsJsonObject("text")
                                        .get("text")
                                        .getAsString()
                                        .length())
                                .as(input)
                                .isBetween(1, 75);
                        if (button.has("value")) {
                            assertThat(button.get("value").getAsString().length())
                                    .as(input)
                                    .isBetween(1, 2_000);
                        }
                        assertThat(actionIds.add(button.get("action_id").getAsString()))
                                .as("unique action_id in " + input)
                                .isTrue();
                    }
                }
                default -> throw new AssertionError("unexpected block type " + type(block));
            }
        }
    }

    private static Reply reply(Block... blocks) {
        return new Reply(Language.EN, Reply.Delivery.CONVERSATION, List.of(blocks), "fallback");
    }

    private JsonArray json(Reply reply) {
        List<LayoutBlock> blocks = renderer.render(reply);
        // Round-trip through the JSON text, as it would go to chat.postMessage.
        return SLACK_GSON.fromJson(SLACK_GSON.toJson(blocks), JsonArray.class);
    }

    private static List<String> types(JsonArray blocks) {
        List<String> types = new ArrayList<>();
        blocks.forEach(b -> types.add(type(b)));
        return types;
    }

    private static String type(JsonElement block) {
        return block.getAsJsonObject().get("type").getAsString();
    }

    private static String text(JsonElement block) {
        return block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
    }

    private static JsonArray elements(JsonElement block) {
        return block.getAsJsonObject().getAsJsonArray("elements");
    }

    private static List<String> contextTexts(JsonElement block) {
        List<String> texts = new ArrayList<>();
        for (JsonElement element : elements(block)) {
            assertThat(element.getAsJsonObject().get("type").getAsString()).isEqualTo("mrkdwn");
            texts.add(element.getAsJsonObject().get("text").getAsString());
        }
        return texts;
    }

    private static List<String> actionIds(JsonArray blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonElement block : blocks) {
            if (type(block).equals("actions")) {
                elements(block)
                        .forEach(b ->
                                ids.add(b.getAsJsonObject().get("action_id").getAsString()));
            }
        }
        return ids;
    }

    @Test
    void theHomeViewKeepsUpToOneHundredBlocks() {
        List<Block> blocks = new ArrayList<>();
        IntStream.range(0, 120).forEach(i -> blocks.add(new Block.Text("line " + i)));

        var view = renderer.homeView(Reply.of(Language.EN, Reply.Delivery.PRIVATE, blocks));

        assertThat(view.getType()).isEqualTo("home");
        assertThat(view.getCallbackId()).isEqualTo(BlockKitRenderer.HOME_CALLBACK_ID);
        assertThat(view.getBlocks()).hasSize(BlockKitRenderer.MAX_HOME_BLOCKS);
        assertThat(renderer.render(Reply.of(Language.EN, Reply.Delivery.PRIVATE, blocks)))
                .hasSize(BlockKitRenderer.MAX_BLOCKS);
    }

    @Test
    void aBareTextIsEscapedIntoSections() {
        JsonArray blocks = SLACK_GSON.toJsonTree(renderer.renderText(HOSTILE)).getAsJsonArray();

        assertThat(blocks).hasSize(1);
        JsonObject section = blocks.get(0).getAsJsonObject();
        assertThat(section.get("type").getAsString()).isEqualTo("section");
        assertThat(section.getAsJsonObject("text").get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(section.getAsJsonObject("text").get("text").getAsString()).isEqualTo(HOSTILE_ESCAPED);
    }
}
