package com.charterbot.app.cli;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.charter.CharterSource;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.ExamplePosts;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.check.AlwaysCheck;
import com.charterbot.core.check.Draft;
import com.charterbot.core.check.DraftChecker;
import com.charterbot.core.check.DraftFindings;
import com.charterbot.core.check.DraftReport;
import com.charterbot.core.check.Finding;
import com.charterbot.core.eval.DraftEvaluation;
import com.charterbot.core.eval.DraftSet;
import com.charterbot.core.eval.EvalDraft;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draft checker from the command line: {@code check "<draft>" [--lang en|fr] [--json]} prints
 * what the charter says about a post, and {@code check-eval <drafts.yaml> [--verbose] [--leave-out]} runs a
 * labelled draft set and prints its metrics per language and overall, the overall line last.
 */
final class CheckCommands {

    /** Quotes of a labelled draft shown with {@code --verbose}. */
    private static final int SHOWN_DRAFT = 100;

    private CheckCommands() {}

    /** Runs {@code check} or {@code check-eval}; the exit code as {@link CommandLine#run} gives it. */
    static int run(Arguments arguments, CharterProperties properties, PrintStream out, PrintStream err) {
        return arguments.command().equals("check-eval")
                ? evaluate(arguments, properties, out, err)
                : check(arguments, properties, out, err);
    }

    private static int check(Arguments arguments, CharterProperties properties, PrintStream out, PrintStream err) {
        if (arguments.positional().isEmpty()) {
            throw new CommandLine.UsageException("check needs a draft");
        }
        Optional<Language> language = Optional.empty();
        if (arguments.lang() != null) {
            language = Optional.of(Language.fromTag(arguments.lang())
                    .orElseThrow(() ->
                            new CommandLine.UsageException("--lang must be en or fr, not '" + arguments.lang() + "'")));
        }
        Optional<DraftChecker> checker = checker(properties, err);
        if (checker.isEmpty()) {
            return CommandLine.FAILED;
        }
        DraftReport report = checker.get().check(Draft.of(String.join(" ", arguments.positional()), language));
        if (arguments.json()) {
            out.println(JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValueAsString(report));
        } else {
            out.print(text(report));
        }
        return CommandLine.OK;
    }

    private static int evaluate(Arguments arguments, CharterProperties properties, PrintStream out, PrintStream err) {
        if (arguments.positional().size() != 1) {
            throw new CommandLine.UsageException("check-eval needs exactly one drafts file");
        }
        Path path = Path.of(arguments.positional().get(0));
        List<EvalDraft> drafts;
        try {
            drafts = DraftSet.parse(Files.readString(path));
        } catch (MalformedInputException e) {
            err.println("charter-bot: " + path + " is not UTF-8 text");
            return CommandLine.FAILED;
        } catch (IOException e) {
            err.println("charter-bot: cannot read " + path + ": " + e.getMessage());
            return CommandLine.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("charter-bot: " + path + ": " + e.getMessage());
            return CommandLine.FAILED;
        }
        Optional<Charter> loaded = charter(properties, err);
        if (loaded.isEmpty()) {
            return CommandLine.FAILED;
        }
        Charter charter = loaded.get();
        if (arguments.leaveOut()) {
            ExamplePosts all = charter.examplePosts();
            ExamplePosts left = all.without(drafts.stream().map(EvalDraft::text).collect(Collectors.toSet()));
            charter = charter.withExamplePosts(left);
            out.printf(
                    Locale.ROOT,
                    "check-eval: learning from %d example posts, %d left out (the set's own drafts)%n",
                    left.posts().size(),
                    all.posts().size() - left.posts().size());
        }
        Charter checked = charter;
        DraftChecker checker = new DraftChecker(() -> checked, properties.language(), DraftFindings.NONE);
        DraftEvaluation.Report report = DraftEvaluation.run(checker, drafts);
        if (arguments.verbose()) {
            for (DraftEvaluation.Outcome outcome : report.outcomes()) {
                if (outcome.failed()) {
                    EvalDraft draft = outcome.draft();
                    out.printf(
                            Locale.ROOT,
                            "miss [%s %s] %s -> %s expected=%s%n",
                            draft.language().tag(),
                            draft.risk().name().toLowerCase(Locale.ROOT),
                            UserText.echo(draft.text(), SHOWN_DRAFT),
                            outcome.report().findings().stream()
                                    .map(f -> f.level().name()
                                            + (f.learned() ? "* " : " ")
                                            + f.section().sectionId())
                                    .toList(),
                            draft.topics());
                }
            }
        }
        report.lines().forEach(out::println);
        return CommandLine.OK;
    }

    /** A checker on the configured charter, or empty (its problems printed) when the charter is invalid. */
    private static Optional<DraftChecker> checker(CharterProperties properties, PrintStream err) {
        return charter(properties, err)
                .map(charter -> new DraftChecker(() -> charter, properties.language(), DraftFindings.NONE));
    }

    /** The configured charter, or empty (its problems printed) when it is invalid. */
    private static Optional<Charter> charter(CharterProperties properties, PrintStream err) {
        CharterFiles files = CharterSource.files(properties);
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            err.println(CharterSource.describe(files, rejected));
            return Optional.empty();
        }
        return Optional.of(((LoadResult.Loaded) result).charter());
    }

    /** A colon as each language writes it after a label: French puts a space before. */
    private static String colon(Language language) {
        return language == Language.FR ? " :" : ":";
    }

    /** The report as plain text for a terminal, in its language. */
    static String text(DraftReport report) {
        Language language = report.language();
        StringBuilder text = new StringBuilder();
        String heading = report.verdict()
                .map(level -> switch (level) {
                    case STOP -> "check.heading.stop";
                    case CAUTION -> "check.heading.caution";
                    case TIP -> "check.heading.clear";
                })
                .orElse("check.heading.clear");
        text.append(Messages.get(language, heading)).append("\n\n");
        List<Finding> findings = report.findings();
        if (report.wordless()) {
            text.append(Messages.get(language, "check.wordless")).append('\n');
        } else if (findings.isEmpty()) {
            text.append(Messages.get(language, "check.summary.nothing")).append('\n');
        } else {
            text.append(
                            findings.size() == 1
                                    ? Messages.get(language, "check.summary.one")
                                    : Messages.get(language, "check.summary.many", findings.size()))
                    .append('\n');
        }
        for (Finding finding : findings) {
            text.append('\n')
                    .append(finding.level().name())
                    .append("  ")
                    .append(finding.section().title())
                    .append(" [")
                    .append(finding.section().sectionId())
                    .append("]\n");
            if (!finding.triggers().isEmpty()) {
                text.append("  ")
                        .append(Messages.get(
                                language, finding.learned() ? "check.finding.learned" : "check.finding.words"))
                        .append(' ')
                        .append(String.join(
                                ", ",
                                finding.triggers().stream()
                                        .map(q -> Messages.get(language, "check.finding.quote", q))
                                        .toList()))
                        .append('\n');
            }
            text.append("  ")
                    .append(Messages.get(language, "check.finding.change", finding.change()))
                    .append('\n');
            if (finding.section().link() != null) {
                text.append("  ")
                        .append(Messages.get(language, "label.source"))
                        .append(colon(language))
                        .append(' ')
                        .append(finding.section().link())
                        .append('\n');
            }
        }
        if (!report.needsChanges() && !report.always().isEmpty()) {
            text.append('\n')
                    .append(Messages.get(language, "check.always.label"))
                    .append(colon(language))
                    .append('\n');
            for (AlwaysCheck always : report.always()) {
                text.append("  - ")
                        .append(Messages.get(
                                language,
                                "check.always.item",
                                always.text(),
                                always.section().title()))
                        .append('\n');
            }
        }
        if (report.truncated()) {
            text.append('\n')
                    .append(Messages.get(language, "check.truncated", UserText.MAX_CHARS))
                    .append('\n');
        }
        return text.toString();
    }
}
