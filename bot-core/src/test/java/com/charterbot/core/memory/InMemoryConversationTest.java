package com.charterbot.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.chat.CommunicationsTeam;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.quiz.QuizSettings;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.DrawCharts;
import com.charterbot.core.testing.TestConversation;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Message;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InMemoryConversationTest {

    private static final UserRef ADMIN = new UserRef(Platform.SLACK, "T1", "U-ADMIN");
    private static final UserRef MEMBER = new UserRef(Platform.SLACK, "T1", "U-MEMBER");
    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");

    private final List<ChannelRef> triggered = new ArrayList<>();
    private final InMemoryConversation local = new InMemoryConversation(
            new AnswerEngine(TestConversation.bundledCharter(), Language.EN),
            new InMemoryConversation.Settings(
                    QuizSettings.DEFAULTS,
                    NudgeSettings.defaults(ZoneOffset.UTC, Language.EN),
                    Set.of(ADMIN.userId()),
                    channel -> triggered.add(channel),
                    ReloadCharter.bundled(),
                    DrawCharts.none(),
                    admin -> CommunicationsTeam.NONE),
            Clock.fixed(Instant.parse("2025-03-10T09:30:00Z"), ZoneOffset.UTC),
            new SplittableRandom(1L));

    @Test
    void answersFromTheCharterAndKeepsTheLanguageChosen() {
        assertThat(text(say(MEMBER, "can I post a photo of the office on Instagram?")))
                .contains("Photos");

        say(MEMBER, "lang fr");

        assertThat(local.languages().find(MEMBER)).hasValue(Language.FR);
        assertThat(say(MEMBER, "help").get(0).language()).isEqualTo(Language.FR);
    }

    @Test
    void onlyTheAdministratorsNamedManageNudgesAndTheTriggerHearsOfThem() {
        say(ADMIN, "nudges on");
        assertThat(local.channels().find(GENERAL)).isPresent();

        say(MEMBER, "nudges now");
        assertThat(triggered).isEmpty();
        say(ADMIN, "nudges now");
        assertThat(triggered).containsExactly(GENERAL);
    }

    private List<Reply> say(UserRef user, String text) {
        return local.conversation()
                .onMessage(new Message(user, GENERAL, text, Message.Origin.COMMAND, false, Optional.empty()));
    }

    private static String text(List<Reply> replies) {
        return replies.stream()
                .flatMap(reply -> reply.blocks().stream())
                .map(Block::toString)
                .collect(Collectors.joining("\n"));
    }
}
