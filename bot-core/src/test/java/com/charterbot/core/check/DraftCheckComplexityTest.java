package com.charterbot.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.text.LinearText;
import com.charterbot.core.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checking a draft is linear in its length, whatever it holds: the characters read (no pass reads
 * the text again and again, no regular expression backtracks over it) and the signal steps tried
 * (each token starts only the signals that can start there, each try bounded by the signal's
 * length) stay within a constant per character, with every signal of the bundled charter and a
 * watch-list. Counted, not timed, so it holds on any machine.
 */
class DraftCheckComplexityTest {

    /**
     * Signal steps tried per token, at most, with the bundled charter. The constant grows with the
     * charter's signals: 400 until the media section's lines for a journalist who got in touch and
     * the customers' line split in two (2026-12-08) took a draft of "c0nnard" repeated to 401; 420
     * until the signals written from drafts-dev12 to dev14 (a masked word tries every signal whose
     * word it may hide) took it to 423; 440 until the signals written from drafts-dev17 took it to 443.
     */
    static final int STEPS_PER_TOKEN = 460;

    private static SignalIndex index;

    @BeforeAll
    static void compileTheBundledSignals() {
        CharterFiles files = CharterFiles.defaults()
                .withWatchList("## Customers\n- Veltra Automotive\n- a a a\n## Competitors\n- Kordis\n"
                        + "## Internal domains\n- corp.acme.example\n");
        index = SignalIndex.of(((LoadResult.Loaded) CharterLoader.load(files, CharterSettings.DEFAULTS)).charter());
    }

    /** The shared runs, plus runs of what the signals and detectors look at. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>(LinearText.runs(20_000));
        for (String piece : List.of(
                "a ",
                "a a a ",
                "prototype ",
                "before the ",
                "off the record ",
                "06 ",
                "06 71 ",
                "+33 6 ",
                "(415) ",
                "🔥 ",
                "⭐",
                "@a ",
                "#a ",
                "http://a.local ",
                "x@y.com ",
                "12 M€ ",
                "€12 ",
                "[attachment] ",
                "we at Acme ",
                "sh*t ",
                "f*** ",
                "a$$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ",
                "c0nnard ",
                "(",
                "( 1",
                "- ",
                "'",
                "l'",
                "[",
                "]")) {
            texts.add(piece.repeat(Math.max(1, 20_000 / piece.length())));
        }
        return texts;
    }

    @Test
    void readsEachCharacterOfTheDraftAFewTimesAtMost() {
        for (String text : texts()) {
            LinearText.assertLinear("tokens", Tokens::scan, text);
            LinearText.assertLinear("phones", Phones::find, text);
            LinearText.assertLinear("draft", t -> DraftText.read(t, index.context(), true), text);
        }
    }

    @Test
    void triesABoundedNumberOfSignalStepsPerToken() {
        for (String text : texts()) {
            DraftText draft = DraftText.read(text, index.context(), true);
            long work = index.match(draft).work();
            assertThat(work)
                    .as(text.substring(0, Math.min(20, text.length())))
                    .isLessThanOrEqualTo((long) STEPS_PER_TOKEN * draft.size() + 1_000);
        }
    }
}
