package com.charterbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * Whatever people type or click, the conversation answers with well-formed replies and never
 * throws. One service is shared by all tries, so state piles up as it would in production.
 */
class ConversationServiceProperties {

    private static final ConversationHarness BOT = new ConversationHarness(7L);
    private static final ChannelRef TEAMS_CHANNEL =
            new ChannelRef(Platform.TEAMS, "tenant-1", "19:general@thread.tacv2");
    private static final List<String> ACTION_IDS = List.of(
            ActionIds.OPEN_SECTION,
            ActionIds.FEEDBACK_HELPFUL,
            ActionIds.FEEDBACK_NOT_HELPFUL,
            ActionIds.QUIZ_START,
            ActionIds.QUIZ_ANSWER,
            ActionIds.CHANNEL_QUIZ_ANSWER,
            ActionIds.TIP_NEXT);
    /** A live personal quiz of Alice and a channel quiz in #general, so that some clicks reach real sessions. */
    private static final String SESSION = firstValue(
            BOT.service
                    .onAction(new ActionEvent(
                            ConversationHarness.ALICE,
                            ConversationHarness.GENERAL,
                            ActionIds.QUIZ_START,
                            "",
                            false,
                            Optional.empty()))
                    .get(0),
            ActionIds.QUIZ_ANSWER);

    private static final String CHANNEL_QUIZ = firstValue(
            BOT.quiz.post(ConversationHarness.GENERAL, Language.FR).orElseThrow(), ActionIds.CHANNEL_QUIZ_ANSWER);

    private static String firstValue(Reply reply, String actionId) {
        Button button = ConversationHarness.buttons(reply, actionId).get(0);
        return button.value().substring(0, button.value().indexOf(':'));
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void anyMessageGetsWellFormedReplies(@ForAll("messages") Message message) {
        List<Reply> replies = BOT.service.onMessage(message);

        assertThat(replies).isNotEmpty().allSatisfy(ConversationServiceProperties::wellFormed);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void anyClickGetsWellFormedRepliesOrNothingForAQuizAnswer(@ForAll("actions") ActionEvent action) {
        List<Reply> replies = BOT.service.onAction(action);

        assertThat(replies).allSatisfy(ConversationServiceProperties::wellFormed);
        if (!action.actionId().equals(ActionIds.QUIZ_ANSWER)
                && !action.actionId().equals(ActionIds.CHANNEL_QUIZ_ANSWER)) {
            assertThat(replies).as("only a quiz answer may get no reply").isNotEmpty();
        }
    }

    private static void wellFormed(Reply reply) {
        assertThat(reply.fallbackText()).isNotBlank();
        assertThat(reply.blocks()).isNotEmpty();
        assertThat(reply.language()).isNotNull();
        assertThat(reply.delivery()).isNotNull();
    }

    // ----- generators -----

    private static Arbitrary<UserRef> users() {
        return Arbitraries.of(
                ConversationHarness.ALICE,
                ConversationHarness.BOB,
                ConversationHarness.ADMIN,
                ConversationHarness.TEAMS_NAMESAKE);
    }

    private static Arbitrary<ChannelRef> channels() {
        return Arbitraries.of(
                ConversationHarness.GENERAL, ConversationHarness.RANDOM, ConversationHarness.DM, TEAMS_CHANNEL);
    }

    private static Arbitrary<Optional<Language>> platformLanguages() {
        return Arbitraries.of(Language.class).optional(0.6);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<String> words = Arbitraries.of(
                "help",
                "aide",
                "?",
                "quiz",
                "quizz",
                "tip",
                "astuces",
                "lang",
                "langue",
                "language",
                "settings",
                "réglages",
                "nudges",
                "rappels",
                "nudge",
                "stats",
                "statistiques",
                "forget me",
                "Oublie-moi",
                "",
                "can I post this photo?",
                "un journaliste m'a appelé",
                "Can you order me a pizza?");
        Arbitrary<String> arguments = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " fr",
                        " en",
                        " xx",
                        " 30",
                        " 0",
                        " 366",
                        " 9999",
                        " foo",
                        " weekly friday 16:00",
                        " monthly 31 9h",
                        " off",
                        " daily 25:00",
                        " zone Mars/Olympus",
                        " zone Europe/Paris lang french content quiz",
                        " weekly someday",
                        " {0}",
                        " '",
                        " ''{1}''",
                        " time",
                        " monthly",
                        " help"),
                Arbitraries.strings().all().ofMaxLength(40).map(s -> " " + s));
        Arbitrary<String> commandLike = Combinators.combine(words, arguments).as(String::concat);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(120);
        Arbitrary<String> longText =
                Arbitraries.strings().withChars("photo vidéo ").ofMinLength(900).ofMaxLength(1_200);
        Arbitrary<String> texts = Arbitraries.frequencyOf(
                Tuple.of(5, commandLike),
                Tuple.of(4, anyText),
                Tuple.of(1, longText),
                Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(
                        users(),
                        channels(),
                        texts,
                        Arbitraries.of(Message.Origin.class),
                        Arbitraries.of(true, false),
                        platformLanguages())
                .as(Message::new);
    }

    @Provide
    Arbitrary<ActionEvent> actions() {
        Arbitrary<String> actionIds = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(ACTION_IDS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<String> index = Arbitraries.oneOf(
                Arbitraries.integers().between(-1, 5).map(String::valueOf), Arbitraries.of("", "99", "007"));
        Arbitrary<String> values = Arbitraries.frequencyOf(
                Tuple.of(3, index.map(i -> SESSION + ":0:" + i)),
                Tuple.of(2, Combinators.combine(index, index).as((q, o) -> SESSION + ":" + q + ":" + o)),
                Tuple.of(3, index.map(i -> CHANNEL_QUIZ + ":" + i)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "ANSWER|photos-videos",
                                "SUGGEST|",
                                "FALLBACK|not-covered-it",
                                "ANSWER|nope",
                                "NOPE|x",
                                "|",
                                "photos-videos",
                                "not-covered-it",
                                "media-inquiries",
                                "",
                                " ")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(
                        1, Arbitraries.strings().withChars("0123456789abcdef:|").ofMaxLength(70)),
                Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(
                        users(), channels(), actionIds, values, Arbitraries.of(true, false), platformLanguages())
                .as(ActionEvent::new);
    }
}
