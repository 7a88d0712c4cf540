package com.charterbot.core.chat;

import static com.charterbot.core.chat.ConversationHarness.ADMIN;
import static com.charterbot.core.chat.ConversationHarness.GENERAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Message;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java 17 cannot check a dispatch over the sealed {@link Command}: this test does. Every permitted
 * command has a sample text that the parser reads as it, and the conversation answers each (an
 * unhandled command throws at the end of its dispatch). A new command without a sample fails the
 * first test; one without a branch fails the second.
 */
class EveryCommandAnsweredTest {

    private static final Map<Class<? extends Command>, String> SAMPLES = samples();

    private static Map<Class<? extends Command>, String> samples() {
        Map<Class<? extends Command>, String> samples = new LinkedHashMap<>();
        samples.put(Command.Ask.class, "can I post a photo of the office?");
        samples.put(Command.Help.class, "help");
        samples.put(Command.StartQuiz.class, "quiz");
        samples.put(Command.ShowTip.class, "tip");
        samples.put(Command.SetLanguage.class, "lang fr");
        samples.put(Command.Settings.class, "settings");
        samples.put(Command.Home.class, "home");
        samples.put(Command.Nudges.class, "nudges");
        samples.put(Command.Stats.class, "stats");
        samples.put(Command.StatsExport.class, "stats export");
        samples.put(Command.Reload.class, "reload");
        samples.put(Command.ForgetMe.class, "forget me");
        samples.put(Command.ExpertsChannel.class, "experts channel here");
        samples.put(Command.Phrasings.class, "phrasings");
        samples.put(Command.SmallTalk.class, "hello");
        samples.put(Command.Check.class, "check Our new plant opens in May, we are so proud!");
        samples.put(Command.Invalid.class, "stats yesterday-ish");
        return samples;
    }

    @Test
    void everyCommandHasASampleThatParsesAsIt() {
        assertThat(List.<Class<?>>copyOf(SAMPLES.keySet()))
                .as("every class permitted by the sealed Command has a sample text")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Command.class.getPermittedSubclasses()));
        SAMPLES.forEach(
                (type, text) -> assertThat(CommandParser.parse(text)).as(text).isInstanceOf(type));
    }

    @Test
    void theConversationAnswersEveryCommand() {
        ConversationHarness harness = new ConversationHarness();
        SAMPLES.forEach((type, text) -> {
            List<Reply> replies = harness.say(ADMIN, GENERAL, Message.Origin.COMMAND, text);
            assertThat(replies).as(type.getSimpleName() + ": " + text).isNotEmpty();
            assertThat(replies.get(0).blocks()).as(type.getSimpleName()).isNotEmpty();
        });
    }
}
