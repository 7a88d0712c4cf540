package com.charterbot.app.cli;

import com.charterbot.app.charter.CharterProperties;
import com.charterbot.app.charter.CharterReloader;
import com.charterbot.app.charter.CharterSource;
import com.charterbot.core.answer.Answer;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.answer.Question;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.command.Command;
import com.charterbot.core.command.CommandParser;
import com.charterbot.core.eval.CalibrationFit;
import com.charterbot.core.eval.EvalQuestion;
import com.charterbot.core.eval.EvalSet;
import com.charterbot.core.eval.Evaluation;
import com.charterbot.core.values.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line face of the bot: the same configuration, charter and conversation as the
 * server, without a web server, so it starts fast.
 */
public final class CommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The precision {@code eval --calibrate} aims at on the questions it fits on; see docs/answer-engine.md. */
    static final double DEFAULT_PRECISION = 0.95;

    private static final int CALIBRATION_PHRASINGS = 8;

    private static final Set<String> COMMANDS =
            Set.of("ask", "chat", "validate", "eval", "init", "check", "check-eval", "phrasings");

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    private CommandLine(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Whether these arguments start the server: none, or only {@code --name=value} properties (and
     * Spring Boot's {@code --debug} and {@code --trace}). Anything else is for {@link #run}, which
     * refuses what it does not know rather than start a server nobody asked for.
     */
    public static boolean startsServer(String[] args) {
        return Arrays.stream(args)
                .allMatch(arg -> (arg.startsWith("--") && arg.indexOf('=') > 2)
                        || arg.equals("--debug")
                        || arg.equals("--trace"));
    }

    /** Runs a command without input; see {@link #run(String[], InputStream, PrintStream, PrintStream)}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs the command and returns the process exit code: 0 success, 1 failure, 2 bad usage. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(in, out, err);
        String first = args.length == 0 ? "" : args[0];
        switch (first) {
            case "help", "--help", "-h" -> {
                out.println(usage());
                return OK;
            }
            case "version", "--version", "-V" -> {
                out.println("charter-bot " + version() + " (Java " + System.getProperty("java.version") + ")");
                return OK;
            }
            default -> {
                if (!COMMANDS.contains(first)) {
                    err.println("charter-bot: " + (first.startsWith("-") ? "unknown option " : "unknown command ") + "'"
                            + first + "'");
                    err.println(usage());
                    return USAGE;
                }
            }
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("charter-bot: " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        if ((arguments.maxPhrasings() != null || arguments.calibrate() || arguments.precision() != null)
                && !arguments.command().equals("eval")) {
            err.println("charter-bot: --max-phrasings, --calibrate and --precision only apply to eval");
            err.println(usage());
            return USAGE;
        }
        if (arguments.leaveOut() && !arguments.command().equals("check-eval")) {
            err.println("charter-bot: --leave-out only applies to check-eval");
            err.println(usage());
            return USAGE;
        }
        if (arguments.command().equals("ask")
                || arguments.command().equals("eval")
                || arguments.command().equals("chat")) {
            // Overlaps Lucene's start-up with reading the configuration and the charter.
            Thread warmUp = new Thread(AnswerEngine::prepare, "warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        try {
            return switch (arguments.command()) {
                case "ask" -> cli.ask(arguments);
                case "chat" -> cli.chat(arguments);
                case "validate" -> cli.validate(arguments);
                case "eval" -> cli.eval(arguments);
                case "init" -> cli.init(arguments);
                case "phrasings" -> cli.phrasings(arguments);
                case "check", "check-eval" ->
                    CheckCommands.run(
                            arguments,
                            CliConfiguration.of(arguments.properties()).charter(),
                            cli.out,
                            cli.err);
                default -> throw new IllegalStateException("unhandled command " + arguments.command());
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
                  java -jar charter-bot.jar [--name=value...]                run the bot server (e.g. --server.port=9090)
                  java -jar charter-bot.jar init <new-folder>                a charter folder to start from: the bundled charter,
                                                                             application.yaml, questions.yaml, README.md
                  java -jar charter-bot.jar ask "<question or command>" [--lang en|fr] [--json]
                  java -jar charter-bot.jar chat [--employee]                talk to the bot: questions, quiz, tip, help, nudges...
                  java -jar charter-bot.jar validate <charter-folder>        exit 0 when valid, 1 with every problem
                  java -jar charter-bot.jar eval <questions.yaml>... [--max-phrasings N] [--verbose]
                  java -jar charter-bot.jar eval <questions.yaml>... --calibrate [--precision 0.95] > <charter-folder>/calibration.properties
                  java -jar charter-bot.jar check "<draft>" [--lang en|fr] [--json]   what the charter says about a post
                  java -jar charter-bot.jar check-eval <drafts.yaml> [--verbose] [--leave-out]
                  java -jar charter-bot.jar phrasings export --charter <charter-folder> [--dry-run]
                                                                             write the phrasings approved in chat into the section
                                                                             files (--dry-run: print them as a patch instead)
                  java -jar charter-bot.jar playground [--charter <folder>] [--port 8090]   a web page to try a charter while writing it
                  java -jar charter-bot.jar --version | --help
                Commands read the configuration the server reads (application.yaml here, environment variables);
                --charter <folder> or any --name=value (e.g. --charter.company-name="Acme") overrides it.""";
    }

    /**
     * {@code phrasings export --charter <folder> [--dry-run]}: the phrasings approved in chat, read from the
     * server's database, written into the section files of the folder (then deleted from the overlay), or
     * printed as a patch.
     */
    private int phrasings(Arguments arguments) {
        if (!arguments.positional().equals(java.util.List.of("export")) || arguments.charter() == null) {
            err.println("charter-bot: usage: phrasings export --charter <charter-folder> [--dry-run]");
            return USAGE;
        }
        java.nio.file.Path folder = java.nio.file.Path.of(arguments.charter());
        if (!java.nio.file.Files.isDirectory(folder)) {
            err.println("charter-bot: " + folder + " is not a folder");
            return FAILED;
        }
        javax.sql.DataSource database =
                CliConfiguration.of(arguments.properties()).dataSource();
        com.charterbot.app.persistence.JdbcPhrasingCandidates candidates =
                new com.charterbot.app.persistence.JdbcPhrasingCandidates(database);
        java.util.List<com.charterbot.core.phrasing.Candidate> approved;
        try {
            approved = candidates.approved();
        } catch (org.springframework.dao.DataAccessException e) {
            err.println(
                    "charter-bot: cannot read the approved phrasings from the database (has the server run once on it?): "
                            + e.getMostSpecificCause().getMessage());
            return FAILED;
        }
        try {
            PhrasingExport.Result result = PhrasingExport.plan(folder, approved);
            if (arguments.dryRun()) {
                out.print(result.patch());
                err.println(result.written() + " phrasing(s) to write in "
                        + result.files().size() + " file(s); nothing changed (--dry-run)");
                return OK;
            }
            for (java.util.Map.Entry<java.nio.file.Path, String> file :
                    result.files().entrySet()) {
                java.nio.file.Files.writeString(
                        file.getKey(), file.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            }
            candidates.exported(result.done().stream()
                    .map(com.charterbot.core.phrasing.Candidate::id)
                    .toList());
            out.println("wrote " + result.written() + " phrasing(s) into "
                    + result.files().size() + " file(s); reload the charter "
                    + "(reload in chat, or wait for the folder watch) to serve them from the files");
            return OK;
        } catch (IOException | UncheckedIOException e) {
            err.println("charter-bot: cannot write the charter files: " + e.getMessage());
            return FAILED;
        }
    }

    /** The jar's version, from the build information Maven writes into it. */
    static String version() {
        try (InputStream in = CommandLine.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("build.version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        String text = String.join(" ", arguments.positional());
        Loaded loaded = load(arguments);
        if (loaded == null) {
            return FAILED;
        }
        if (!(CommandParser.parse(text) instanceof Command.Ask)) {
            // A command (quiz, tip, help...): what the bot would reply in a conversation.
            Chat chat = chat(loaded, true);
            out.print(chat.turn(text));
            if (chat.hasButtons()) {
                out.println("(The buttons work in a conversation: java -jar charter-bot.jar chat)");
            }
            return OK;
        }
        Answer answer = loaded.engine().answer(new Question(text, language));
        if (arguments.json()) {
            out.println(JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValueAsString(answer));
        } else {
            out.print(AnswerText.render(answer));
        }
        return OK;
    }

    private int chat(Arguments arguments) {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("chat takes no words; type them once it has started");
        }
        Loaded loaded = load(arguments);
        if (loaded == null) {
            return FAILED;
        }
        Charter charter = loaded.engine().charter();
        Chat chat = chat(loaded, !arguments.employee());
        String who = arguments.employee()
                ? "an employee / un salarié"
                : "a charter administrator / un administrateur de la charte";
        String banner = String.format(
                Locale.ROOT,
                """
                Charter Bot: charter %s from %s, %d sections, for %s. You are %s.
                Type a question or a command (help, quiz, tip, settings, nudges, stats, reload...), or a button's number.
                Posez une question ou tapez une commande (aide, quiz, astuce, réglages, rappels...), ou le numéro d'un bouton.
                Nothing is kept / rien n'est conservé. quit (or Ctrl-D) to leave / pour quitter.""",
                charter.version(),
                CharterSource.files(loaded.properties()).origin(),
                charter.topicIds().size(),
                charter.settings().companyName(),
                who);
        try {
            chat.run(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out, banner);
        } catch (IOException e) {
            err.println("charter-bot: cannot read the terminal: " + e.getMessage());
            return FAILED;
        }
        return OK;
    }

    /** A conversation over in-memory stores, whose {@code reload} reads the charter folder again as the server's does. */
    private static Chat chat(Loaded loaded, boolean administrator) {
        Clock clock = Clock.systemUTC();
        return new Chat(
                loaded.engine(),
                loaded.configuration().conversation(),
                new CharterReloader(loaded.engine(), loaded.properties(), clock),
                administrator,
                clock);
    }

    private int init(Arguments arguments) {
        if (arguments.positional().size() != 1) {
            throw new UsageException("init needs exactly one folder, which it creates");
        }
        return Init.run(Path.of(arguments.positional().get(0)), out, err);
    }

    private int validate(Arguments arguments) {
        if (arguments.positional().size() != 1) {
            throw new UsageException("validate needs exactly one charter folder");
        }
        CharterProperties properties =
                CliConfiguration.of(arguments.properties()).charter();
        CharterFiles files =
                CharterFiles.fromDirectory(Path.of(arguments.positional().get(0)));
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            out.println(CharterSource.describe(files, rejected));
            return FAILED;
        }
        Charter charter = ((LoadResult.Loaded) result).charter();
        out.printf(
                Locale.ROOT,
                "%s: valid, version %s, %d sections and %d not-covered entries in en and fr%n",
                files.origin(),
                charter.version(),
                charter.topicIds().size(),
                charter.sections(Language.EN).size() - charter.topicIds().size());
        return OK;
    }

    private int eval(Arguments arguments) {
        if (arguments.positional().isEmpty()) {
            throw new UsageException("eval needs a questions file");
        }
        if (arguments.precision() != null && !arguments.calibrate()) {
            throw new UsageException("--precision goes with --calibrate");
        }
        if (arguments.calibrate() && arguments.maxPhrasings() != null) {
            throw new UsageException(
                    "--calibrate fits on the charter both as is and cut to 8 phrasings: leave out --max-phrasings");
        }
        Map<Path, List<EvalQuestion>> files = new LinkedHashMap<>();
        for (String name : arguments.positional()) {
            Path path = Path.of(name);
            try {
                files.put(path, EvalSet.parse(Files.readString(path), path.toString()));
            } catch (MalformedInputException e) {
                err.println("charter-bot: " + path + " is not UTF-8 text");
                return FAILED;
            } catch (IOException e) {
                err.println("charter-bot: cannot read " + path + ": " + e.getMessage());
                return FAILED;
            } catch (EvalSet.InvalidEvalSet e) {
                e.problems().forEach(problem -> err.println("charter-bot: " + problem));
                return FAILED;
            }
        }
        Loaded loaded = load(arguments);
        if (loaded == null) {
            return FAILED;
        }
        AnswerEngine engine = loaded.engine();
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            for (Map.Entry<Path, List<EvalQuestion>> file : files.entrySet()) {
                EvalSet.checkIds(
                        file.getValue(),
                        engine.charter().topicIds(),
                        file.getKey().toString());
                questions.addAll(file.getValue());
            }
        } catch (EvalSet.InvalidEvalSet e) {
            e.problems().forEach(problem -> err.println("charter-bot: " + problem));
            return FAILED;
        }
        if (arguments.calibrate()) {
            return calibrate(engine, questions, arguments);
        }
        if (arguments.maxPhrasings() != null) {
            engine.install(engine.charter().withFirstPhrasings(arguments.maxPhrasings()));
        }
        Evaluation.Report report = Evaluation.run(engine, questions);
        if (arguments.verbose()) {
            for (Evaluation.Outcome outcome : report.outcomes()) {
                if (outcome.failed()) {
                    Answer answer = outcome.answer();
                    out.printf(
                            Locale.ROOT,
                            "miss [%s] %s -> %s %.2f shown=%s expected=%s%n",
                            outcome.question().language().tag(),
                            outcome.question().text(),
                            answer.tier(),
                            answer.confidence(),
                            answer.shownSectionIds(),
                            outcome.question().expected());
                }
            }
        }
        report.lines().forEach(out::println);
        return OK;
    }

    /**
     * Fits a calibration for the charter on the labelled questions, with the charter as is and cut
     * to its first 8 phrasings (so that the confidence also holds while a charter is young), and
     * prints it in the format of a charter's calibration file.
     */
    private int calibrate(AnswerEngine engine, List<EvalQuestion> questions, Arguments arguments) {
        Charter charter = engine.charter();
        List<CalibrationFit.Row> rows = new ArrayList<>(CalibrationFit.rows(engine, questions));
        engine.install(charter.withFirstPhrasings(CALIBRATION_PHRASINGS));
        rows.addAll(CalibrationFit.rows(engine, questions));
        double precision = arguments.precision() == null ? DEFAULT_PRECISION : arguments.precision();
        CalibrationFit.Result result = CalibrationFit.fit(rows, precision);
        out.print(result.calibration()
                .toText(List.of(
                        "Written by: charter-bot eval " + String.join(" ", arguments.positional()) + " --calibrate"
                                + (arguments.precision() == null ? "" : " --precision " + arguments.precision()),
                        String.format(
                                Locale.ROOT,
                                "Fitted on %d questions, each with the charter as is and cut to %d phrasings (%d rows).",
                                questions.size(),
                                CALIBRATION_PHRASINGS,
                                result.rows()),
                        String.format(
                                Locale.ROOT,
                                "Target: answers right %.1f%% of the time for questions, %.1f%% for messages with a story.",
                                100 * precision,
                                100 * CalibrationFit.storyPrecision(precision)),
                        String.format(
                                Locale.ROOT,
                                "On these rows: answers right %.1f%% of the time, %.1f%% of in-scope questions answered right.",
                                100 * result.precision(),
                                100 * result.answered()),
                        "See docs/answer-engine.md before editing by hand.")));
        return OK;
    }

    /**
     * What a command works with: the configuration as the server reads it, and the engine of the
     * configured charter.
     */
    private record Loaded(CliConfiguration configuration, CharterProperties properties, AnswerEngine engine) {}

    /** The configuration and the charter's engine; null, with every problem printed, when the charter is broken. */
    private Loaded load(Arguments arguments) {
        CliConfiguration configuration = CliConfiguration.of(arguments.properties());
        CharterProperties properties = configuration.charter();
        CharterFiles files = CharterSource.files(properties);
        LoadResult result = CharterLoader.load(files, properties.settings());
        if (result instanceof LoadResult.Rejected rejected) {
            err.println(CharterSource.describe(files, rejected));
            return null;
        }
        return new Loaded(
                configuration,
                properties,
                new AnswerEngine(((LoadResult.Loaded) result).charter(), properties.language()));
    }

    /** A mistake in how the command was called. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
