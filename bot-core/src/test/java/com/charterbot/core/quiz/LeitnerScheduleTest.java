package com.charterbot.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeitnerScheduleTest {

    private static final Instant T0 = QuizFixtures.T0;
    private final LeitnerSchedule schedule = LeitnerSchedule.DEFAULT;

    @Test
    void eachRightAnswerMovesUpABoxAndWaitsLonger() {
        CardState state = null;
        Instant at = T0;
        Duration previousWait = Duration.ZERO;
        for (int box = 1; box <= LeitnerSchedule.MAX_BOX; box++) {
            state = schedule.next(state, true, at);
            Duration wait = Duration.between(at, state.due());
            assertThat(state.box()).isEqualTo(box);
            assertThat(wait).isGreaterThan(previousWait);
            previousWait = wait;
            at = state.due();
        }
        assertThat(previousWait).isEqualTo(Duration.ofDays(35));
        assertThat(state.seen()).isEqualTo(5);
        assertThat(state.correct()).isEqualTo(5);
    }

    @Test
    void theTopBoxIsTheLast() {
        CardState top = new CardState(LeitnerSchedule.MAX_BOX, T0, 9, 9);

        CardState next = schedule.next(top, true, T0);

        assertThat(next.box()).isEqualTo(LeitnerSchedule.MAX_BOX);
        assertThat(next.due()).isEqualTo(T0.plus(Duration.ofDays(35)));
    }

    @Test
    void aWrongAnswerGoesBackToTheFirstBoxDueWithinMinutes() {
        CardState mastered = new CardState(4, T0, 4, 4);

        CardState missed = schedule.next(mastered, false, T0);

        assertThat(missed.box()).isEqualTo(1);
        assertThat(missed.due()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(missed.seen()).isEqualTo(5);
        assertThat(missed.correct()).isEqualTo(4);
    }

    @Test
    void aMissedQuestionComesBackSoonerThanAMasteredOne() {
        CardState missed = schedule.next(null, false, T0);
        CardState mastered = schedule.next(schedule.next(schedule.next(null, true, T0), true, T0), true, T0);

        assertThat(missed.due()).isBefore(mastered.due());
        assertThat(missed.isDue(T0.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(mastered.isDue(T0.plus(Duration.ofDays(6)))).isFalse();
    }

    @Test
    void schedulesAndStatesValidateThemselves() {
        assertThatThrownBy(() -> new CardState(0, T0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardState(6, T0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardState(1, T0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardState(1, null, 1, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LeitnerSchedule(List.of(Duration.ofDays(1)), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeitnerSchedule(
                        List.of(
                                Duration.ofDays(3),
                                Duration.ofDays(1),
                                Duration.ofDays(7),
                                Duration.ofDays(16),
                                Duration.ofDays(35)),
                        Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
