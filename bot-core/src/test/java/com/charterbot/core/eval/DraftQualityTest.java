package com.charterbot.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.ExamplePosts;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards the draft checker's quality on the labelled drafts, per language, with the bundled charter
 * configured for the company the drafts are about (Norvane) and no watch-list. Floors are one or
 * two drafts under the levels measured, so a change that loses ground fails the build.
 *
 * <p>drafts-dev, drafts-dev2, drafts-dev3 (probes) and drafts-dev4 (public cases, scored once before any
 * change: recall_stop 0.23 en, 0.54 fr) are tuned on; the holdout sets are only scored:
 * drafts-holdout was looked at while the first signals were written, drafts-holdout2 was scored once
 * before and once after the second round of signals (issue 19's recall follow-up), both once more after the
 * signals of general shape written for drafts-dev4 (as configured here, holdout recall_stop en 0.35 to 0.53, fr 0.65 to 0.71;
 * holdout2 en 0.62 to 0.62, fr 0.60 to 0.67). The signals find the risks of posts like the ones they
 * were written from and miss many risky posts worded differently.
 *
 * <p>The development drafts are also the bundled example posts the checker learns from
 * (charter/example-posts.yaml), so their levels are measured on what it was trained on
 * ({@code check-eval --leave-out} measures them as if not). drafts-dev5 and drafts-dev6 (public cases,
 * written for more examples) were scored once before being added: signals alone found the STOP
 * risk of en 0.15 / 0.46 and fr 0.54 / 0.31 of them, with what the first four sets taught en 0.54 / 0.85
 * and fr 0.85 / 0.77. drafts-holdout3 (other public cases, committed before it was scored) is
 * only scored: signals alone en 0.31, fr 0.54; learning from four development sets en 0.69, fr 0.69;
 * from six, en 0.38, fr 0.77 (seven of its 13 English STOP drafts sit between 0.45 and 0.50 of
 * probability, around the 0.50 threshold); with a caution from a signal raised to STOP from 0.30
 * (chosen on dev5 and dev6 left out), en 0.62, fr 0.77, and holdout2 en 0.92, fr 0.87; learning from
 * drafts-dev7 too (public cases written by someone who saw neither the checker nor its examples, scored
 * once before: en 0.85, fr 0.92), en 0.69, fr 0.85; and drafts-dev8 too (scored once before: en 0.77, fr 0.85),
 * en 0.77, fr 0.69: two French drafts fall back under the threshold as one English draft and one of
 * holdout2's French ones rise over it, a wash. The precision of a set left out moves by up to 0.2
 * with any edit of the charter's text, since the sections' model also learns from the phrasings
 * (dev5 left out, English: 0.87, 0.67 once dev7 was added, 0.87 after a round of phrasings, 0.80 once they
 * were taken out again). Learning costs
 * precision: a learned finding cites a wrong section more often than a signal does. dev5 to dev8
 * are also guarded as {@code check-eval --leave-out} measures them, the checker learning from the
 * other files only, and dev9 as it is: the closest to a figure on drafts never seen that a build can check.
 * drafts-dev9 (public cases, scored once before: en 0.77, fr 0.92) is not among the example posts:
 * learning from it too moved the others left out down as much as up (holdout2 fr 0.87 to 0.80), so it
 * only measures. A draft is a STOP post from 0.45 of probability (was 0.50), chosen on dev5 to dev9
 * left out (recall_stop mean en 0.80 to 0.85, fr 0.88 to 0.91; false_alarm_clean en 0.09 to 0.12,
 * fr unchanged; 0.40 raised English false alarms to 0.15). drafts-dev10 and drafts-dev11 (public
 * cases, many clean posts that only look risky; scored once before: en 0.92 / 1.00, fr 0.85 / 0.77,
 * false alarms en 0.21 / 0.29, fr 0.14 / 0.14) are tuned on but not among the example posts, since
 * learning from them too moved the other sets left out as much down as up; drafts-holdout4 (scored
 * once before: recall 1.00 in both languages, precision en 0.85, fr 0.90, false alarms en 0.21, fr
 * 0.14) is only scored. From dev10 and dev11 the photos section learned what a careful poster says
 * (screens off, whiteboards wiped, taken from behind, approved by the communications team) and
 * defamation the employer's vulgar names and accusations of harassment; the French signals moved the
 * sections' model, and with it dev8's English precision left out (0.65 to 0.55) and holdout3's
 * (en 0.93 to 0.87, fr 0.88 to 0.84). Then a journalist who got in touch became media's (a caution,
 * a stop once the employee said yes) and French colleagues stopped being read as customers
 * ("responsable de prod"): precision rose on the sets left out (dev5 en 0.75 to 0.88, dev6 en 0.89 to
 * 0.94, dev7 fr 0.67 to 0.78) and dev7 French recall fell by one draft (0.91 to 0.82). drafts-dev12
 * (public cases, scored once before: en 0.62 / 0.79 / 0.29, fr 0.92 / 0.80 / 0.36) taught job offers
 * that ask for a fee, threats of a beating, "nothing official yet", and a photo poster who says the
 * communications team checked it or the product was already revealed (dev5 to dev12 left out, mean
 * recall en 0.85 to 0.87, fr 0.91 to 0.92, false alarms en 0.15 to 0.14, fr 0.13 to 0.09, precision
 * unchanged at 0.80 and 0.78). Then dev9 to dev12 joined the example posts (all eight left out in
 * turn, mean recall en 0.87 to 0.89, fr 0.92 to 0.94, false alarms en 0.14 to 0.13, fr 0.09 to 0.08,
 * precision en 0.80 to 0.79, fr 0.79 to 0.78; before dev12 was written, learning from dev9 to dev11
 * had been a wash on the holdouts), so dev9 to dev12 are guarded left out too. drafts-dev13 (scored once before: en 0.77 / 0.88 / 0.29, fr 0.92 / 0.81
 * / 0.29) taught what careful photo posters say ("with everyone's agreement", "nothing else in the
 * frame"), a meeting's passcode and paid notes for a consulting firm (dev5 to dev13 left out: recall
 * en 0.88 to 0.90, fr 0.94 to 0.95, false alarms en 0.13 to 0.11, fr 0.09 to 0.07, precision en 0.80
 * to 0.80, fr 0.80 to 0.78; dev6 English precision 0.89 to 0.84 as learned findings moved); learning from dev13 too was a wash
 * (English recall 0.90 to 0.88, precision 0.80 to 0.82) at first. drafts-dev14 (French
 * sources first; scored once before: en 0.69 / 0.87 / 0.14, fr 0.62 / 0.77 / 0.43) taught reviews
 * posted from someone else's account, promo codes, "don't cite your source", inventions not yet
 * through patents, a boss away while transfers wait, a colleague's pregnancy she has not told, a
 * title that "reads better", and warnings about fake offers (dev5 to dev14 left out: recall en 0.88
 * to 0.90, fr 0.91 to 0.95, false alarms en 0.12 to 0.10, fr 0.11 to 0.09, precision en 0.81 to
 * 0.80, fr 0.78 to 0.79; dev9 French precision 0.75 to 0.65 as learned findings moved). Then dev13 and dev14 joined the
 * example posts (939 in all) and are guarded left out (dev5 to dev14: recall unchanged, precision en
 * 0.80 to 0.82, fr 0.79 to 0.79, false alarms en 0.10 to 0.09, fr 0.09 to 0.09). drafts-dev15 and
 * drafts-dev16 (scored once before: en 0.85 / 0.80 / 0.43 and 0.85 / 0.77 / 0.29, fr 0.85 / 0.74 /
 * 0.21 and 0.85 / 0.74 / 0.21) taught results already out in the official release, safety awards,
 * tagged colleagues who agreed or picked the photo, public demo units, reviews paid in vouchers or
 * posted "without saying I work there", deal rooms, inflated titles (dev5 to dev16 left out: recall
 * en 0.89 to 0.91, fr 0.93 to 0.94, precision en 0.81 to 0.82, fr 0.78 to 0.79, false alarms en 0.14
 * to 0.11, fr 0.11 to 0.10); then they joined the example posts (1,067 in all; precision en 0.82 to
 * 0.83, fr 0.79 to 0.78, French recall 0.94 to 0.95). The holdouts,
 * scored once after dev14's round and once after dev16's (nothing was changed for them): recall en
 * mean 0.85 to 0.89 to 0.91, fr 0.95 to 0.95 to 0.95; precision en 0.83 to 0.81 to 0.84, fr 0.82 to
 * 0.85 to 0.85; false alarms en 0.14 to 0.17 to 0.16, fr 0.12 to 0.11 to 0.11. drafts-holdout5
 * (scored once before: en 0.85 / 0.59 / 0.21, fr 0.85 / 0.58 / 0.21) is only scored. drafts-dev17
 * and drafts-dev18 (scored once before: en 0.85 / 0.57 / 0.21 and 0.92 / 0.71 / 0.29, fr 1.00 / 0.68
 * / 0.36 and 1.00 / 0.64 / 0.36) taught slurs and ageist hiring, tips to the media, boarding passes,
 * customers poached or mocked, internal social networks, and what careful posters say; then three
 * rules changed (dev5 to dev18 left out, recall / precision / false alarms): an {@code unless} turns
 * a stop into a tip, not a caution (false alarms en 0.12 to 0.07, fr 0.12 to 0.09); a photo at work
 * is a tip the learned model may raise to STOP, not a caution; dev17 and dev18 joined the example
 * posts (1,195): en 0.918 / 0.825 / 0.061, fr 0.961 / 0.788 / 0.077. drafts-holdout6 (scored once
 * before: en 0.92 / 0.76 / 0.50, fr 0.92 / 0.86 / 0.36) is only scored; after the round, en 1.00 /
 * 0.81 / 0.36, fr 0.92 / 0.82 / 0.07. drafts-dev19 and drafts-dev20 (scored once before: en 0.77 / 0.88
 * / 0.14 and 0.92 / 0.83 / 0.07, fr 0.92 / 0.83 / 0.14 and 0.85 / 0.70 / 0.21) taught false denials
 * of affiliation, treasury left alone, patents still to file, stock tips, injured colleagues, and
 * scam warnings; they joined the example posts (1,323), and a draft that does what one of its three
 * likeliest sections asks gets no learned STOP (dev5 to dev20 left out: en 0.923 / 0.833 / 0.049,
 * fr 0.951 / 0.789 / 0.067). drafts-holdout7 (scored once before: en 0.77 / 0.63 / 0.14, fr 0.92 /
 * 0.70 / 0.21) is only scored; after the round, en 0.85 / 0.68 / 0.14, fr 0.92 / 0.75 / 0.21. The
 * round lost ground on English false alarms of the older holdouts (holdout3 and holdout5 0.14 to
 * 0.21, holdout6 0.36 to 0.43), which the floors allow. drafts-dev21 and drafts-dev22 (every clean
 * draft looking risky; scored once before: en 0.77 / 0.76 / 0.14 and 0.77 / 0.82 / 0.14, fr 0.85 /
 * 0.65 / 0.29 and 1.00 / 0.86 / 0.07) gave only {@code unless} lines: their stop and caution lines
 * cost English precision on dev5 to dev20 left out (0.833 to 0.825), through the sections' model,
 * and were left out (holdout4's English precision floor failed with them, seen before that
 * decision); then they joined the example posts (1,451). drafts-holdout8 (scored once before: en
 * 0.92 / 0.68 / 0.29, fr 0.85 / 0.79 / 0.14) is only scored. Everything is still short of the issue's
 * targets (recall_stop >= 0.90, precision >= 0.90, false_alarm_clean <= 0.10 per language). The
 * floors keep what is reached; raising them is the work left.
 */
class DraftQualityTest {

    private static Charter charter;
    private static DraftChecker checker;

    @BeforeAll
    static void loadTheBundledCharterForNorvane() {
        CharterSettings norvane = new CharterSettings(
                "Norvane",
                "communication@example.com",
                "security@example.com",
                "hr@example.com",
                "servicedesk@example.com",
                "legal@example.com",
                "");
        charter = ((LoadResult.Loaded) CharterLoader.load(CharterFiles.defaults(), norvane)).charter();
        checker = new DraftChecker(() -> charter, Language.EN, DraftFindings.NONE);
    }

    @ParameterizedTest(name = "{0} left out: {1}")
    @CsvSource(textBlock = """
            # set, checked left out of the examples, then en and fr: recall_stop, precision, false_alarm_clean floors
            # development sets, as learned from
            drafts-dev,       false, 0.90, 0.90, 0.07, 0.90, 0.90, 0.07
            drafts-dev2,      false, 0.84, 0.90, 0.07, 0.84, 0.90, 0.07
            drafts-dev3,      false, 0.90, 0.90, 0.10, 0.90, 0.90, 0.10
            drafts-dev4,      false, 0.92, 0.85, 0.15, 0.92, 0.90, 0.15
            drafts-dev5,      false, 0.84, 0.85, 0.22, 0.92, 0.80, 0.15
            drafts-dev6,      false, 0.92, 0.88, 0.29, 0.92, 0.75, 0.22
            # development sets, each left out of the examples (check-eval --leave-out)
            drafts-dev5,      true,  0.69, 0.60, 0.22, 0.77, 0.75, 0.15
            drafts-dev6,      true,  0.84, 0.80, 0.36, 0.77, 0.60, 0.15
            drafts-dev7,      true,  0.77, 0.70, 0.15, 0.77, 0.55, 0.22
            drafts-dev8,      true,  0.84, 0.50, 0.08, 0.84, 0.65, 0.22
            drafts-dev9,      true,  0.69, 0.70, 0.15, 0.92, 0.60, 0.15
            drafts-dev10,     true,  0.84, 0.80, 0.22, 0.84, 0.70, 0.15
            drafts-dev11,     true,  0.92, 0.70, 0.29, 0.84, 0.80, 0.15
            drafts-dev12,     true,  0.77, 0.70, 0.15, 0.92, 0.80, 0.15
            drafts-dev13,     true,  0.84, 0.80, 0.22, 0.92, 0.75, 0.22
            drafts-dev14,     true,  0.84, 0.80, 0.15, 0.84, 0.80, 0.36
            drafts-dev15,     true,  0.84, 0.75, 0.36, 0.77, 0.65, 0.29
            drafts-dev16,     true,  0.92, 0.80, 0.22, 0.92, 0.65, 0.22
            drafts-dev17,     true,  0.92, 0.75, 0.15, 0.92, 0.65, 0.29
            drafts-dev18,     true,  0.92, 0.70, 0.08, 0.92, 0.60, 0.15
            drafts-dev19,     true,  0.84, 0.85, 0.08, 0.92, 0.85, 0.15
            drafts-dev20,     true,  0.84, 0.80, 0.08, 0.92, 0.75, 0.15
            drafts-dev21,     true,  0.69, 0.70, 0.08, 0.84, 0.60, 0.15
            drafts-dev22,     true,  0.77, 0.75, 0.15, 0.92, 0.80, 0.08
            # holdouts, only scored
            drafts-holdout,   false, 0.69, 0.80, 0.08, 0.88, 0.80, 0.09
            drafts-holdout2,  false, 0.85, 0.85, 0.16, 0.93, 0.90, 0.22
            drafts-holdout3,  false, 0.84, 0.80, 0.22, 0.92, 0.80, 0.15
            drafts-holdout4,  false, 0.92, 0.80, 0.22, 0.92, 0.90, 0.15
            drafts-holdout5,  false, 0.92, 0.65, 0.22, 0.84, 0.50, 0.29
            drafts-holdout6,  false, 0.92, 0.75, 0.43, 0.84, 0.75, 0.15
            drafts-holdout7,  false, 0.77, 0.60, 0.22, 0.84, 0.65, 0.29
            drafts-holdout8,  false, 0.84, 0.60, 0.36, 0.77, 0.70, 0.22
            """)
    void keepsItsLevels(
            String set,
            boolean leftOut,
            double enRecallStop,
            double enPrecision,
            double enFalseAlarmClean,
            double frRecallStop,
            double frPrecision,
            double frFalseAlarmClean)
            throws IOException {
        String resource = "eval/" + set + ".yaml";
        DraftEvaluation.Report report = leftOut ? runLeftOut(resource) : run(resource);

        assertFloors(report.of(Language.EN), enRecallStop, enPrecision, enFalseAlarmClean);
        assertFloors(report.of(Language.FR), frRecallStop, frPrecision, frFalseAlarmClean);
    }

    @Test
    void theLastLineIsTheOverallOneInTheAgreedFormat() throws IOException {
        DraftEvaluation.Report report = run("eval/drafts-dev.yaml");

        assertThat(report.lines()).hasSize(3);
        assertThat(report.lines().get(0)).startsWith("check-eval[en]: n=61 ");
        assertThat(report.lines().get(2))
                .matches(
                        "check-eval: n=120 recall_stop=\\d\\.\\d\\d precision=\\d\\.\\d\\d false_alarm_clean=\\d\\.\\d\\d");
    }

    private static void assertFloors(
            DraftEvaluation.Metrics metrics, double recallStop, double precision, double falseAlarmClean) {
        assertThat(metrics.recallStop()).as(metrics.line("recall_stop")).isGreaterThanOrEqualTo(recallStop);
        assertThat(metrics.precision()).as(metrics.line("precision")).isGreaterThanOrEqualTo(precision);
        assertThat(metrics.falseAlarmClean())
                .as(metrics.line("false_alarm_clean"))
                .isLessThanOrEqualTo(falseAlarmClean);
    }

    private static DraftEvaluation.Report run(String resource) throws IOException {
        return DraftEvaluation.run(checker, drafts(resource));
    }

    /** The set checked by a checker that learned from every example post but the set's own drafts. */
    private static DraftEvaluation.Report runLeftOut(String resource) throws IOException {
        List<EvalDraft> drafts = drafts(resource);
        ExamplePosts others = charter.examplePosts()
                .without(drafts.stream().map(EvalDraft::text).collect(Collectors.toSet()));
        assertThat(others.posts()).hasSize(charter.examplePosts().posts().size() - drafts.size());
        Charter leftOut = charter.withExamplePosts(others);
        return DraftEvaluation.run(new DraftChecker(() -> leftOut, Language.EN, DraftFindings.NONE), drafts);
    }

    private static List<EvalDraft> drafts(String resource) throws IOException {
        try (InputStream in = DraftQualityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return DraftSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
