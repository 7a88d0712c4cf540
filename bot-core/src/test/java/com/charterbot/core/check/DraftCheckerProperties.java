package com.charterbot.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.values.Language;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a person pastes, the checker answers: never an exception, quotes always taken from the draft. */
class DraftCheckerProperties {

    private static final Charter CHARTER = ((LoadResult.Loaded) CharterLoader.load(
                    CharterFiles.defaults()
                            .withWatchList("## Customers\n- Veltra\n## Internal domains\n- corp.acme.example\n"),
                    CharterSettings.DEFAULTS))
            .charter();
    private static final DraftChecker CHECKER = new DraftChecker(() -> CHARTER, Language.EN, DraftFindings.NONE);

    @Provide
    Arbitrary<String> pasted() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of(
                        "<@U123|lena>",
                        "<!channel>",
                        "<https://intranet.corp.acme.example/x|plan>",
                        "```code```",
                        "*bold*",
                        "<b>html</b>",
                        "&lt;&amp;",
                        "06 71 22 33 44",
                        "+33 (0)6",
                        "a@b.co",
                        "#hashtag",
                        "@here",
                        "🔥",
                        "\ud83d",
                        "sneak peek",
                        "before the",
                        "l'",
                        "-",
                        "...",
                        "[",
                        "(",
                        "|",
                        "€12m",
                        "Veltra",
                        "\n",
                        "\u00a0",
                        "\u202e"));
        return pieces.list().ofMaxSize(60).map(list -> String.join(" ", list));
    }

    @Property(tries = 300)
    void answersAnyTextWithQuotesTakenFromIt(@ForAll("pasted") String text) {
        DraftReport report = CHECKER.check(Draft.of(text, Optional.empty()));

        assertThat(report.always()).isNotEmpty();
        String received = com.charterbot.core.text.UserText.oneLine(
                Draft.of(text, Optional.empty()).text());
        for (Finding finding : report.findings()) {
            for (String quote : finding.triggers()) {
                String shown = quote.endsWith("\u2026") ? quote.substring(0, quote.length() - 1) : quote;
                assertThat(received).as("a quote is the draft's own words").contains(shown);
            }
        }
    }
}
