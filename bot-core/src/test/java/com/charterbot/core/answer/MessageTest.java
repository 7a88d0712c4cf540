package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void theStoryAroundAnAskCountsLess() {
        String text = "I'm on the night shift at the plant. Can I post the video? A colleague says no.";
        Message message = Message.read(text);

        assertThat(message.hasStory()).isTrue();
        assertThat(message.weightAt(text.indexOf("night"))).isEqualTo(Message.STORY_WEIGHT);
        assertThat(message.weightAt(text.indexOf("video"))).isEqualTo(1);
        assertThat(message.weightAt(text.indexOf("colleague"))).isEqualTo(Message.STORY_WEIGHT);
    }

    @Test
    void recognisesAnAskByItsWordsWithoutAQuestionMark() {
        String text = "we had a fire in the workshop yesterday. puis-je en parler sur LinkedIn";
        Message message = Message.read(text);

        assertThat(message.weightAt(text.indexOf("fire"))).isEqualTo(Message.STORY_WEIGHT);
        assertThat(message.weightAt(text.indexOf("LinkedIn"))).isEqualTo(1);
    }

    @Test
    void everyWordCountsWhenNoSentenceAsks() {
        String text = "photo of the team at the trade fair. for LinkedIn.";
        Message message = Message.read(text);

        assertThat(message.hasStory()).isFalse();
        assertThat(message.weightAt(text.indexOf("photo"))).isEqualTo(1);
        assertThat(message.weightAt(text.indexOf("LinkedIn"))).isEqualTo(1);
    }

    @Test
    void aSingleQuestionHasNoStory() {
        assertThat(Message.read("Can I post this photo?").hasStory()).isFalse();
    }
}
