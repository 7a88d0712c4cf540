package com.charterbot.app.cli;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.charter.CharterSource;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.Language;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import com.charterbot.core.eval.Evaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line face of the bot: the same configuration, charter and engine as the server,
 * without a web server, so it starts fast.
 */
public final class CommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("ask", "validate", "eval", "check", "check-eval", "help", "--help", "-h");

    private final PrintStream out;
    private final PrintStream err;

    private CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether these arguments ask for a command rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit code: 0 success, 1 failure, 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(out, err);
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("charter-bot: " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        if (arguments.command().equals("ask") || arguments.command().equals("eval")) {
            // Overlaps Lucene's start-up with reading the configuration and the charter.
            Thread warmUp = new Thread(AnswerEngine::prepare, "warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        try {
            return switch (arguments.command()) {
                case "ask" -> cli.ask(arguments);
                case "validate" -> cli.validate(arguments);
                case "eval" -> cli.eval(arguments);
                case "check", "check-eval" -> CheckCommands.run(arguments, properties(arguments), out, err);
                default -> {
                    out.println(usage());
                    yield OK;
                }
            };
        } catch (UsageException e) {
            err.println("charter-bot: " + e.getMessage());
            err.println(usage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("charter-bot: " + e.getMessage());
            return FAILED;
        }
    }

    static String usage() {
        return """
                usage:
                  java -jar charter-bot.jar                               run the bot server
                  java -jar charter-bot.jar ask "<question>" [--lang en|fr] [--json] [--charter <dir>]
                  java -jar charter-bot.jar validate <charter-dir>        exit 0 when valid, 1 with every problem
                  java -jar charter-bot.jar eval <questions.yaml> [--charter <dir>] [--verbose]
                  java -jar charter-bot.jar check "<draft>" [--lang en|fr] [--json] [--charter <dir>]
                  java -jar charter-bot.jar check-eval <drafts.yaml> [--charter <dir>] [--verbose]
                Any --charter.<property>=<value> (e.g. --charter.company-name="Acme") overrides the configuration.""";
    }

    private int ask(Arguments arguments) {
        if (arguments.positional().isEmpty()) {
            throw new UsageException("ask needs a question");
        }
        Optional<Language> language = Optional.empty();
        if (arguments.lang() != null) {
            language = Optional.of(Language.fromTag(arguments.lang())
                    .orElseThrow(() -> new UsageException("--lang must be en or fr, not '" + arguments.lang() + "'")));
        }
        Loaded loaded = load(arguments);
        if (loaded == null) {
            return FAILED;
        }
        Answer answer = loaded.engine().answer(new Question(String.join(" ", arguments.positional()), language));
        if (arguments.json()) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(answer));
        } else {
            out.print(AnswerText.render(answer));
        }
        return OK;
    }

    private int validate(Arguments arguments) {
        if (arguments.positional().size() != 1) {
            throw new UsageException("validate needs exactly one charter folder");
        }
        CharterProperties properties = properties(arguments);
        CharterFiles files = CharterFiles.fromDirectory(Path.of(arguments.positional().get(0)));
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            out.println(CharterSource.describe(files, rejected));
            return FAILED;
        }
        Charter charter = ((LoadResult.Loaded) result).charter();
        out.printf(Locale.ROOT, "%s: valid, version %s, %d sections and %d not-covered entries in %s%n", files.origin(),
                charter.version(), charter.topicIds().size(), charter.sections(Language.EN).size() - charter.topicIds().size(),
                String.join(" and ", Language.values().length == 2 ? List.of("en", "fr") : List.of()));
        return OK;
    }

    private int eval(Arguments arguments) {
        if (arguments.positional().size() != 1) {
            throw new UsageException("eval needs exactly one questions file");
        }
        Path path = Path.of(arguments.positional().get(0));
        List<EvalQuestion> questions;
        try {
            questions = EvalSet.parse(Files.readString(path));
        } catch (MalformedInputException e) {
            err.println("charter-bot: " + path + " is not UTF-8 text");
            return FAILED;
        } catch (IOException e) {
            err.println("charter-bot: cannot read " + path + ": " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("charter-bot: " + path + ": " + e.getMessage());
            return FAILED;
        }
        Loaded loaded = load(arguments);
        if (loaded == null) {
            return FAILED;
        }
        Evaluation.Report report = Evaluation.run(loaded.engine(), questions);
        if (arguments.verbose()) {
            for (Evaluation.Outcome outcome : report.outcomes()) {
                if (outcome.failed()) {
                    Answer answer = outcome.answer();
                    out.printf(Locale.ROOT, "miss [%s] %s -> %s %.2f shown=%s expected=%s%n", outcome.question().language().tag(),
                            outcome.question().text(), answer.tier(), answer.confidence(), answer.shownSectionIds(),
                            outcome.question().expected());
                }
            }
        }
        report.lines().forEach(out::println);
        return OK;
    }

    private record Loaded(AnswerEngine engine) {}

    private Loaded load(Arguments arguments) {
        CharterProperties properties = properties(arguments);
        CharterFiles files = CharterSource.files(properties);
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            err.println(CharterSource.describe(files, rejected));
            return null;
        }
        return new Loaded(new AnswerEngine(((LoadResult.Loaded) result).charter(), properties.language()));
    }

    private static CharterProperties properties(Arguments arguments) {
        List<String> settings = new ArrayList<>(arguments.properties());
        if (arguments.charter() != null) {
            settings.add("--charter.dir=" + arguments.charter());
        }
        Map<String, String> systemProperties = new HashMap<>();
        System.getProperties().forEach((key, value) -> systemProperties.put(String.valueOf(key), String.valueOf(value)));
        return CliConfiguration.resolve(settings, System.getenv(), systemProperties);
    }

    /** A mistake in how the command was called. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
