package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NudgeContentTest {

    @Test
    void tipsAlwaysGiveATip() {
        assertThat(NudgeContent.TIPS.next(Optional.empty())).isEqualTo(Kind.TIP);
        assertThat(NudgeContent.TIPS.next(Optional.of(Kind.TIP))).isEqualTo(Kind.TIP);
        assertThat(NudgeContent.TIPS.next(Optional.of(Kind.QUIZ))).isEqualTo(Kind.TIP);
    }

    @Test
    void quizAlwaysGivesAQuiz() {
        assertThat(NudgeContent.QUIZ.next(Optional.empty())).isEqualTo(Kind.QUIZ);
        assertThat(NudgeContent.QUIZ.next(Optional.of(Kind.TIP))).isEqualTo(Kind.QUIZ);
        assertThat(NudgeContent.QUIZ.next(Optional.of(Kind.QUIZ))).isEqualTo(Kind.QUIZ);
    }

    @Test
    void alternateStartsWithATipThenTakesTurns() {
        assertThat(NudgeContent.ALTERNATE.next(Optional.empty())).isEqualTo(Kind.TIP);
        assertThat(NudgeContent.ALTERNATE.next(Optional.of(Kind.TIP))).isEqualTo(Kind.QUIZ);
        assertThat(NudgeContent.ALTERNATE.next(Optional.of(Kind.QUIZ))).isEqualTo(Kind.TIP);
    }
}
