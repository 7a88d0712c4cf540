package com.charterbot.core.stats;

import static com.charterbot.core.stats.StatsFixtures.BUNDLED;
import static com.charterbot.core.stats.StatsFixtures.FROM;
import static com.charterbot.core.stats.StatsFixtures.TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.memory.InMemoryActivityLog;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.stats.AwarenessStats.QuizScore;
import com.charterbot.core.stats.AwarenessStats.TierCounts;
import com.charterbot.core.values.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsReplyTest {

    private static final AwarenessStats MAY =
            new AwarenessStatsService(StatsFixtures.may(), Clock.fixed(TO, ZoneOffset.UTC)).compute(FROM, TO);
    private static final AwarenessStats EMPTY =
            new AwarenessStatsService(new InMemoryActivityLog(), Clock.fixed(TO, ZoneOffset.UTC)).compute(FROM, TO);

    private static List<String> texts(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Text.class::isInstance)
                .map(b -> ((Block.Text) b).text())
                .toList();
    }

    private static List<Block.Checklist> checklists(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Checklist.class::isInstance)
                .map(Block.Checklist.class::cast)
                .toList();
    }

    @Test
    void reportsTheMonthInEnglish() {
        Reply reply = StatsReply.render(MAY, BUNDLED, Language.EN);

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(reply.language()).isEqualTo(Language.EN);
        assertThat(((Block.Heading) reply.blocks().get(0)).text())
                .startsWith("Charter awareness from ")
                .contains("May 1", "May 31", "2025")
                .doesNotContain("June");
        assertThat(texts(reply))
                .containsExactly(
                        "Questions asked: 7 (answered: 3, with suggestions: 1, not covered by the charter: 3).",
                        "Quiz answers: 12. Participants: 3. Average score: 58% correct.",
                        "Nudges sent: 3 (tips: 2, quizzes: 1).");
        assertThat(checklists(reply))
                .containsExactly(
                        new Block.Checklist(
                                "Most asked topics",
                                List.of("Photos and videos at work: 3", "Media and outside requests: 2")),
                        new Block.Checklist(
                                "Topics to reinforce",
                                List.of(
                                        "What happens if the charter isn't followed: 50% correct over 4 answers",
                                        "Account security and scams: 67% correct over 3 answers")));
        assertThat(reply.blocks().get(reply.blocks().size() - 1))
                .isEqualTo(new Block.Context(
                        "No personal data: these figures are counts only, with no names and no question text."));
        assertThat(reply.fallbackText())
                .contains("Questions asked: 7", "- Photos and videos at work: 3", "No personal data");
    }

    @Test
    void reportsTheMonthInFrench() {
        Reply reply = StatsReply.render(MAY, BUNDLED, Language.FR);

        assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
        assertThat(reply.language()).isEqualTo(Language.FR);
        assertThat(((Block.Heading) reply.blocks().get(0)).text())
                .startsWith("Sensibilisation à la charte du 1")
                .contains("mai 2025 au 31 mai 2025");
        assertThat(texts(reply))
                .containsExactly(
                        "Questions posées : 7 (avec réponse : 3, avec suggestions : 1, hors charte : 3).",
                        "Réponses aux quiz : 12. Participants : 3. Score moyen : 58 % de bonnes réponses.",
                        "Rappels envoyés : 3 (astuces : 2, quiz : 1).");
        assertThat(checklists(reply))
                .containsExactly(
                        new Block.Checklist(
                                "Sujets les plus demandés",
                                List.of(
                                        "Photos et vidéos au travail : 3",
                                        "Sollicitations des médias et de l'extérieur : 2")),
                        new Block.Checklist(
                                "Sujets à renforcer",
                                List.of(
                                        "En cas de non-respect de la charte : 50 % de bonnes réponses sur 4 réponses",
                                        "Sécurité des comptes et arnaques : 67 % de bonnes réponses sur 3 réponses")));
        assertThat(reply.blocks().get(reply.blocks().size() - 1))
                .isEqualTo(
                        new Block.Context(
                                "Aucune donnée personnelle : ces chiffres ne sont que des décomptes, sans noms ni texte des questions."));
    }

    @Test
    void saysThereIsNoActivityYetInAnEmptyPeriod() {
        Reply english = StatsReply.render(EMPTY, BUNDLED, Language.EN);
        Reply french = StatsReply.render(EMPTY, BUNDLED, Language.FR);

        assertThat(english.blocks()).hasSize(3);
        assertThat(texts(english)).containsExactly("No activity yet in this period.");
        assertThat(english.blocks().get(2)).isInstanceOf(Block.Context.class);
        assertThat(texts(french)).containsExactly("Aucune activité pour l'instant sur cette période.");
        assertThat(checklists(english)).isEmpty();
        assertThat(french.fallbackText()).contains("Aucune activité", "Aucune donnée personnelle");
    }

    @Test
    void saysWhichPartsHadNoActivityWhenOthersDid() {
        AwarenessStats nudgesOnly = new AwarenessStats(FROM, TO, Map.of(), 0, Map.of(), Map.of(NudgeSent.Kind.QUIZ, 2));

        assertThat(texts(StatsReply.render(nudgesOnly, BUNDLED, Language.EN)))
                .containsExactly(
                        "No questions were asked in this period.",
                        "No quiz questions were answered in this period.",
                        "Nudges sent: 2 (tips: 0, quizzes: 2).");
        assertThat(texts(StatsReply.render(nudgesOnly, BUNDLED, Language.FR)))
                .containsExactly(
                        "Aucune question n'a été posée sur cette période.",
                        "Aucune réponse aux quiz sur cette période.",
                        "Rappels envoyés : 2 (astuces : 0, quiz : 2).");
    }

    @Test
    void reportsFailedNudgesWhenTheCallerPassesThem() {
        AwarenessStats stats = MAY.withNudgesFailed(2);

        assertThat(texts(StatsReply.render(stats, BUNDLED, Language.EN)))
                .contains("Nudges sent: 3 (tips: 2, quizzes: 1). Failed deliveries: 2.");
        assertThat(texts(StatsReply.render(stats, BUNDLED, Language.FR)))
                .contains("Rappels envoyés : 3 (astuces : 2, quiz : 1). Envois échoués : 2.");
    }

    @Test
    void listsAtMostFiveTopicsMostAskedFirstThenInCharterOrder() {
        Map<String, TierCounts> questions = new LinkedHashMap<>();
        questions.put("contacts", new TierCounts(1, 0, 0));
        questions.put("sanctions", new TierCounts(4, 0, 0));
        questions.put("scope", new TierCounts(1, 0, 0));
        questions.put("recruitment", new TierCounts(2, 1, 0));
        questions.put("photos-videos", new TierCounts(1, 1, 1));
        questions.put("media-inquiries", new TierCounts(1, 0, 0));
        questions.put(AwarenessStats.UNMATCHED, new TierCounts(0, 0, 9));
        questions.put("removed-section", new TierCounts(0, 2, 0));
        AwarenessStats stats = new AwarenessStats(FROM, TO, questions, 0, Map.of(), Map.of());

        Block.Checklist top =
                checklists(StatsReply.render(stats, BUNDLED, Language.EN)).get(0);
        String firstOfTheOnes = BUNDLED.sections(Language.EN).stream()
                .filter(s -> List.of("contacts", "scope", "media-inquiries").contains(s.id()))
                .findFirst()
                .orElseThrow()
                .title();

        assertThat(top.items())
                .containsExactly(
                        "What happens if the charter isn't followed: 4",
                        "Photos and videos at work: 3",
                        "Job offers and employer brand: 3",
                        "removed-section: 2",
                        firstOfTheOnes + ": 1");
    }

    @Test
    void reinforcesOnlyTopicsWithEnoughAnswersAndSomeMissed() {
        Map<String, QuizScore> quiz = Map.of(
                "scope", new QuizScore(10, 10),
                "sanctions", new QuizScore(2, 0),
                "contacts", new QuizScore(3, 2));
        AwarenessStats stats = new AwarenessStats(FROM, TO, Map.of(), 4, quiz, Map.of());

        List<Block.Checklist> lists = checklists(StatsReply.render(stats, BUNDLED, Language.EN));

        assertThat(lists)
                .containsExactly(new Block.Checklist(
                        "Topics to reinforce", List.of("Who to contact: 67% correct over 3 answers")));
    }

    @Test
    void namesASingleDayPeriodOnceInTheReadersTimeZone() {
        AwarenessStats oneDay =
                new AwarenessStats(FROM, FROM.plus(Duration.ofDays(1)), Map.of(), 0, Map.of(), Map.of());

        assertThat(((Block.Heading) StatsReply.render(oneDay, BUNDLED, Language.EN)
                                .blocks()
                                .get(0))
                        .text())
                .startsWith("Charter awareness on ")
                .contains("May 1", "2025");
        assertThat(((Block.Heading) StatsReply.render(oneDay, BUNDLED, Language.FR)
                                .blocks()
                                .get(0))
                        .text())
                .startsWith("Sensibilisation à la charte le 1")
                .contains("mai 2025");
        assertThat(((Block.Heading) StatsReply.render(oneDay, BUNDLED, Language.EN, ZoneId.of("America/New_York"))
                                .blocks()
                                .get(0))
                        .text())
                .startsWith("Charter awareness from ")
                .contains("April 30", "May 1");
    }
}
