package com.charterbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.text.UserText;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class CommandParserProperties {

    @Property(tries = 500)
    void neverThrowsAndAlwaysGivesACommand(@ForAll @StringLength(max = 300) String text) {
        assertThat(CommandParser.parse(text)).isNotNull();
    }

    @Property(tries = 300)
    void textThatStartsWithNoCommandWordIsAQuestionKeptWhole(@ForAll @StringLength(min = 1, max = 200) String text) {
        String question = UserText.oneLine("why " + text);
        assertThat(CommandParser.parse(question)).isEqualTo(new Command.Ask(question.strip()));
    }
}
