package com.charterbot.core.stats;

import static org.assertj.core.api.Assertions.fail;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.activity.QuestionAsked;
import com.charterbot.core.activity.QuizAnswered;
import com.charterbot.core.answer.Tier;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Duration;
import java.time.Instant;

/** A hand-made month of activity, May 2025, with events just outside it on both sides. */
final class StatsFixtures {

    static final Instant FROM = Instant.parse("2025-05-01T00:00:00Z");
    static final Instant TO = Instant.parse("2025-06-01T00:00:00Z");
    static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C-general");
    static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U0ALICE");
    static final UserRef BOB = new UserRef(Platform.SLACK, "T1", "U0BOB");
    static final UserRef CAROL = new UserRef(Platform.TEAMS, "tenant", "c4r0l-object-id");

    static final Charter BUNDLED = bundled();

    private StatsFixtures() {}

    private static Charter bundled() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        return fail("the bundled charter should load: %s", result);
    }

    static Instant day(int day) {
        return FROM.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(10));
    }

    /**
     * Questions: 7 in May (3 answered, 1 suggestion, 3 not covered; 2 of them unmatched), 1 on April 30, 1 at the end instant.
     * Quiz: 12 answers in May by 3 people, 7 correct; one more at the end instant by someone else.
     * Nudges: 2 tips and 1 quiz in May, 1 tip at the end instant.
     */
    static InMemoryActivityLog may() {
        InMemoryActivityLog log = new InMemoryActivityLog();
        log.record(new QuestionAsked(FROM, Language.EN, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(day(3), Language.FR, Tier.ANSWER, "photos-videos"));
        log.record(new QuestionAsked(day(4), Language.EN, Tier.SUGGEST, "photos-videos"));
        log.record(new QuestionAsked(day(5), Language.EN, Tier.ANSWER, "media-inquiries"));
        log.record(new QuestionAsked(day(6), Language.FR, Tier.FALLBACK, "media-inquiries"));
        log.record(new QuestionAsked(day(7), Language.EN, Tier.FALLBACK, null));
        log.record(new QuestionAsked(TO.minusNanos(1), Language.FR, Tier.FALLBACK, null));
        log.record(new QuestionAsked(TO, Language.EN, Tier.ANSWER, "scope"));
        log.record(new QuestionAsked(FROM.minusSeconds(1), Language.EN, Tier.ANSWER, "scope"));

        quiz(log, "sanctions", ALICE, false, CHANNEL);
        quiz(log, "sanctions", BOB, false, CHANNEL);
        quiz(log, "sanctions", CAROL, true, null);
        quiz(log, "sanctions", ALICE, true, null);
        quiz(log, "account-security", ALICE, true, null);
        quiz(log, "account-security", BOB, false, CHANNEL);
        quiz(log, "account-security", CAROL, true, null);
        quiz(log, "recruitment", BOB, false, null);
        quiz(log, "recruitment", ALICE, false, null);
        quiz(log, "scope", ALICE, true, null);
        quiz(log, "scope", BOB, true, null);
        quiz(log, "scope", CAROL, true, CHANNEL);
        log.record(new QuizAnswered(TO, "scope", "scope#0", false, null, new UserRef(Platform.SLACK, "T1", "U0LATE")));

        log.record(new NudgeSent(day(2), CHANNEL, NudgeSent.Kind.TIP));
        log.record(new NudgeSent(day(9), CHANNEL, NudgeSent.Kind.TIP));
        log.record(new NudgeSent(day(16), CHANNEL, NudgeSent.Kind.QUIZ));
        log.record(new NudgeSent(TO, CHANNEL, NudgeSent.Kind.TIP));
        return log;
    }

    private static int sequence = 0;

    private static void quiz(
            InMemoryActivityLog log, String sectionId, UserRef who, boolean correct, ChannelRef channel) {
        sequence = (sequence + 1) % 20;
        log.record(new QuizAnswered(day(10 + sequence), sectionId, sectionId + "#0", correct, channel, who));
    }
}
