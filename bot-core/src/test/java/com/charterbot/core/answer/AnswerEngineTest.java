package com.charterbot.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Calibration;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Section;
import com.charterbot.core.charter.TestCharter;
import com.charterbot.core.values.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerEngineTest {

    static final Charter DEFAULT_CHARTER = load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
    static final AnswerEngine ENGINE = new AnswerEngine(DEFAULT_CHARTER, Language.EN);

    static Charter load(CharterFiles files, CharterSettings settings) {
        LoadResult result = CharterLoader.load(files, settings);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).charter();
    }

    static Section section(String id, Language language) {
        return DEFAULT_CHARTER.section(id, language).orElseThrow();
    }

    @Test
    void answersPhotoQuestionInEnglishWithTheRule() {
        Answer answer = ENGINE.answer(Question.of("Can I post this photo?"));

        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(answer.citation().title())
                .isEqualTo(section("photos-videos", Language.EN).title());
        assertThat(answer.replyLanguage()).isEqualTo(Language.EN);
        assertThat(answer.text())
                .isEqualTo(section("photos-videos", Language.EN).rule());
        assertThat(answer.checklist())
                .isNotEmpty()
                .isEqualTo(section("photos-videos", Language.EN).checklist());
        assertThat(answer.dos()).isEqualTo(section("photos-videos", Language.EN).dos());
        assertThat(answer.donts())
                .isEqualTo(section("photos-videos", Language.EN).donts());
        assertThat(answer.issue()).isEqualTo(InputIssue.NONE);
        assertThat(answer.charterVersion()).isEqualTo(DEFAULT_CHARTER.version());
        assertThat(answer.suggestions())
                .hasSizeLessThanOrEqualTo(2)
                .noneMatch(c -> c.sectionId().equals("photos-videos"));
        assertThat(answer.shownSectionIds()).first().isEqualTo("photos-videos");
    }

    @Test
    void answersFrenchPhotoQuestionInFrench() {
        Answer answer = ENGINE.answer(Question.of("Puis-je publier cette photo ?"));

        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.replyLanguage()).isEqualTo(Language.FR);
        assertThat(answer.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(answer.citation().title())
                .isEqualTo(section("photos-videos", Language.FR).title())
                .isNotEqualTo(section("photos-videos", Language.EN).title());
        assertThat(answer.text())
                .isEqualTo(section("photos-videos", Language.FR).rule());
        assertThat(answer.dos()).isEqualTo(section("photos-videos", Language.FR).dos());
    }

    @Test
    void preferredLanguageOverridesTheQuestionsLanguage() {
        Answer answer = ENGINE.answer(Question.of("Can I post this photo?", Language.FR));

        assertThat(answer.replyLanguage()).isEqualTo(Language.FR);
        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(answer.citation().title())
                .isEqualTo(section("photos-videos", Language.FR).title());
        assertThat(answer.text())
                .isEqualTo(section("photos-videos", Language.FR).rule());

        Answer english = ENGINE.answer(Question.of("Puis-je publier cette photo ?", Language.EN));
        assertThat(english.replyLanguage()).isEqualTo(Language.EN);
        assertThat(english.text())
                .isEqualTo(section("photos-videos", Language.EN).rule());
    }

    @Test
    void doesNotAnswerOffTopicQuestions() {
        Answer pizza = ENGINE.answer(Question.of("Can you order me a pizza?"));
        assertThat(pizza.tier()).isNotEqualTo(Tier.ANSWER);
        assertThat(pizza.citation()).isNull();
        assertThat(pizza.text()).isNotBlank();

        Answer it = ENGINE.answer(Question.of("What's the phone number of IT support?"));
        assertThat(it.tier()).isNotEqualTo(Tier.ANSWER);
        assertThat(it.citation()).isNull();
        assertThat(it.text()).isNotBlank();
    }

    @Test
    void findsTheAskInsideAStory() {
        Answer video = ENGINE.answer(
                Question.of("I'm on the night shift at the plant and my team lead asked us to film the new press line "
                        + "for a training video. Can I post the video on my TikTok?"));
        Answer fire = ENGINE.answer(
                Question.of("We had a small fire in the workshop last night. People are already posting videos of it "
                        + "on Facebook, should I answer them?"));

        assertThat(video.tier()).isEqualTo(Tier.ANSWER);
        assertThat(video.citation().sectionId()).isEqualTo("photos-videos");
        assertThat(fire.tier()).isEqualTo(Tier.ANSWER);
        assertThat(fire.citation().sectionId()).isEqualTo("negative-comments-crisis");
    }

    @Test
    void answersAQuestionSpanningTwoSectionsWithBothAndTheOtherOnesKeyPoint() {
        Answer answer = ENGINE.answer(Question.of("funny photo of a colleague asleep at the seminar, ok to post?"));

        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.citation().sectionId()).isEqualTo("colleagues-privacy");
        assertThat(answer.alsoApplies()).singleElement().satisfies(also -> {
            assertThat(also.citation().sectionId()).isEqualTo("photos-videos");
            assertThat(also.keyPoint())
                    .isEqualTo(
                            "Photos and videos of your work, at the office, in the workshop or on site, are welcome, provided you take them where it is allowed and check what they show.");
        });
        assertThat(answer.shownSectionIds())
                .startsWith("colleagues-privacy", "photos-videos")
                .doesNotHaveDuplicates()
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aSectionAlsoAppliesInTheReplyLanguage() {
        Answer answer =
                ENGINE.answer(Question.of("photo marrante d'un collègue endormi au séminaire, je peux la poster ?"));

        assertThat(answer.alsoApplies()).singleElement().satisfies(also -> {
            assertThat(also.citation().title())
                    .isEqualTo(section("photos-videos", Language.FR).title());
            assertThat(also.keyPoint())
                    .startsWith(
                            "Les photos et vidéos de votre travail, au bureau, à l'atelier ou sur site, sont les bienvenues");
        });
    }

    @Test
    void understandsEverydayWordsTheCharterNeverUses() {
        Answer boss = ENGINE.answer(Question.of("est-ce que je peux dire du mal de ma boîte sur twitter stp ?"));
        Answer throwaway = ENGINE.answer(Question.of("I want to vent about my job on a throwaway account, ok?"));

        assertThat(boss.tier()).isEqualTo(Tier.ANSWER);
        assertThat(boss.citation().sectionId()).isEqualTo("defamation-criticism");
        assertThat(throwaway.tier()).isEqualTo(Tier.ANSWER);
        assertThat(throwaway.citation().sectionId()).isEqualTo("defamation-criticism");
    }

    @Test
    void aWordInsideALongerExpressionKeepsTheExpressionsMeaning() {
        // "médias" alone is the press; "médias sociaux" is social media. A lunch break is a pause,
        // breaking the rules is a breach.
        Answer media = ENGINE.answer(Question.of("je peux parler de mon travail sur les médias sociaux ?"));
        Answer rules = ENGINE.answer(Question.of("what happens if I break the social media rules?"));

        assertThat(media.citation() == null ? null : media.citation().sectionId())
                .isNotEqualTo("media-inquiries");
        assertThat(rules.tier()).isEqualTo(Tier.ANSWER);
        assertThat(rules.citation().sectionId()).isEqualTo("sanctions");
    }

    @Test
    void doesNotAnswerQuestionsCloseToTheTopicThatTheCharterDoesNotCover() {
        Answer reach = ENGINE.answer(Question.of("which hashtags get the most reach on LinkedIn?"));
        Answer vues = ENGINE.answer(Question.of("quels hashtags pour avoir plus de vues ?"));

        assertThat(reach.tier()).isEqualTo(Tier.FALLBACK);
        assertThat(reach.notCovered().sectionId()).isEqualTo("not-covered-growth");
        assertThat(vues.tier()).isEqualTo(Tier.FALLBACK);
        assertThat(vues.notCovered().sectionId()).isEqualTo("not-covered-growth");
    }

    @Test
    void theConfidenceIsTheCalibratedProbabilityAndTheCharterDecidesWhenItIsEnough() {
        Answer usual = ENGINE.answer(Question.of("Can I post this photo?"));
        Calibration strict = new Calibration(
                withThresholds(DEFAULT_CHARTER.calibration().questions(), 1, 1),
                withThresholds(DEFAULT_CHARTER.calibration().stories(), 1, 1));
        AnswerEngine neverSure = new AnswerEngine(DEFAULT_CHARTER.withCalibration(strict), Language.EN);

        Answer unsure = neverSure.answer(Question.of("Can I post this photo?"));

        assertThat(usual.tier()).isEqualTo(Tier.ANSWER);
        assertThat(unsure.confidence()).isEqualTo(usual.confidence()).isLessThan(1);
        assertThat(unsure.tier()).isEqualTo(Tier.FALLBACK);
        assertThat(unsure.shownSectionIds()).first().isEqualTo("photos-videos");
    }

    private static Calibration.Model withThresholds(Calibration.Model model, double answerAt, double suggestAt) {
        return new Calibration.Model(model.bias(), model.weights(), answerAt, suggestAt);
    }

    @Test
    void citationCarriesALinkOnlyWhenTheCharterHasOne() {
        CharterSettings withLink = new CharterSettings(
                "Acme Industries",
                "communication@example.com",
                "security@example.com",
                "hr@example.com",
                "servicedesk@example.com",
                "legal@example.com",
                "https://intranet.example.com/charter");
        AnswerEngine linked = new AnswerEngine(load(CharterFiles.defaults(), withLink), Language.EN);

        Answer answer = linked.answer(Question.of("Can I post this photo?"));
        assertThat(answer.citation().link()).isEqualTo("https://intranet.example.com/charter#photos-videos");
        assertThat(answer.suggestions())
                .allSatisfy(
                        c -> assertThat(c.link()).isEqualTo("https://intranet.example.com/charter#" + c.sectionId()));

        Answer unlinked = ENGINE.answer(Question.of("Can I post this photo?"));
        assertThat(unlinked.citation().link()).isNull();
        assertThat(unlinked.suggestions()).allSatisfy(c -> assertThat(c.link()).isNull());
    }

    @Test
    void rejectedReloadKeepsAnsweringFromTheOldCharter(@TempDir Path dir) throws Exception {
        AnswerEngine engine = new AnswerEngine(DEFAULT_CHARTER, Language.EN);
        TestCharter.copyDefaults(dir);
        Path photos = dir.resolve("en/photos-videos.md");
        Files.writeString(photos, Files.readString(photos).replace("## Rule", "## Rules of the game"));

        LoadResult result = engine.reload(CharterFiles.fromDirectory(dir), CharterSettings.DEFAULTS);

        assertThat(result).isInstanceOf(LoadResult.Rejected.class);
        assertThat(((LoadResult.Rejected) result).problems())
                .anySatisfy(p -> assertThat(p.file()).isEqualTo("en/photos-videos.md"));
        assertThat(engine.charter()).isSameAs(DEFAULT_CHARTER);
        Answer answer = engine.answer(Question.of("Can I post this photo?"));
        assertThat(answer.charterVersion()).isEqualTo(DEFAULT_CHARTER.version());
        assertThat(answer.tier()).isEqualTo(Tier.ANSWER);
        assertThat(answer.text())
                .isEqualTo(section("photos-videos", Language.EN).rule());
    }

    @Test
    void validReloadChangesTheVersionAndTheAnswers(@TempDir Path dir) throws Exception {
        AnswerEngine engine = new AnswerEngine(DEFAULT_CHARTER, Language.EN);
        TestCharter.copyDefaults(dir);
        Path photos = dir.resolve("en/photos-videos.md");
        String rule = section("photos-videos", Language.EN).rule();
        String firstSentence = rule.substring(0, rule.indexOf('.') + 1);
        Files.writeString(
                photos, Files.readString(photos).replace(firstSentence, "Photos need a second look. " + firstSentence));

        LoadResult result = engine.reload(CharterFiles.fromDirectory(dir), CharterSettings.DEFAULTS);

        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        String newVersion = engine.charter().version();
        assertThat(newVersion).isNotEqualTo(DEFAULT_CHARTER.version());
        Answer answer = engine.answer(Question.of("Can I post this photo?"));
        assertThat(answer.charterVersion()).isEqualTo(newVersion);
        assertThat(answer.text()).startsWith("Photos need a second look. ");
    }

    @Test
    void answeringWhileReloadingAlwaysSeesOneWholeVersion(@TempDir Path dir) throws Exception {
        AnswerEngine engine = new AnswerEngine(DEFAULT_CHARTER, Language.EN);
        TestCharter.copyDefaults(dir);
        Path photos = dir.resolve("fr/photos-videos.md");
        Files.writeString(photos, Files.readString(photos).replace("## Règle\n", "## Règle\nUne phrase de plus.\n"));
        CharterFiles modified = CharterFiles.fromDirectory(dir);
        String modifiedVersion = load(modified, CharterSettings.DEFAULTS).version();
        CharterFiles original = CharterFiles.defaults();
        assertThat(modifiedVersion).isNotEqualTo(DEFAULT_CHARTER.version());
        Set<String> versions = Set.of(DEFAULT_CHARTER.version(), modifiedVersion);

        List<String> questions = List.of(
                "Can I post this photo?",
                "Puis-je publier cette photo ?",
                "A journalist called me",
                "Can you order me a pizza?",
                "",
                "mon mot de passe a été piraté");
        int answerers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(answerers + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean reloading = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        try {
            futures.add(pool.submit(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 4; i++) {
                        LoadResult result = engine.reload(i % 2 == 0 ? modified : original, CharterSettings.DEFAULTS);
                        if (!(result instanceof LoadResult.Loaded)) {
                            errors.add(new AssertionError("reload rejected: " + result));
                        }
                    }
                } catch (Throwable t) {
                    errors.add(t);
                } finally {
                    reloading.set(false);
                }
                return null;
            }));
            for (int t = 0; t < answerers; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    try {
                        start.await();
                        int i = offset;
                        do {
                            Answer answer = engine.answer(Question.of(questions.get(i++ % questions.size())));
                            if (answer == null) {
                                errors.add(new AssertionError("null answer"));
                            } else {
                                seen.add(answer.charterVersion());
                            }
                        } while (reloading.get() || i < offset + 20);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(errors).isEmpty();
        assertThat(seen).isNotEmpty().isSubsetOf(versions);
        assertThat(engine.charter().version()).isIn(versions);
    }
}
