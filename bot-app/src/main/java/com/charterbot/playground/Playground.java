package com.charterbot.playground;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.charterbot.app.cli.CliConfiguration;
import com.charterbot.app.conversation.ConversationProperties;
import com.charterbot.app.stats.JFreeChartDrawing;
import com.charterbot.core.answer.AnswerEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar charter-bot.jar playground [--charter <dir>] [--port 8090]}: a web page on this
 * machine where a charter's authors see what the bot answers while they write, the problems of the
 * files the moment they save them, the evaluation of a question file and the whole charter in both
 * languages. Needs no database and no platform credentials; reads the same {@code charter.*}
 * settings as the server ({@code --charter.company-name=...}, the environment, application.yaml).
 */
public final class Playground {

    /** The command's name, the first argument. */
    public static final String COMMAND = "playground";

    static final int DEFAULT_PORT = 8090;

    /** How often the charter folder is checked: an author who saves a file is waiting for the page. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

    private Playground() {}

    /** Whether these arguments ask for the playground. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && args[0].equals(COMMAND);
    }

    /** Starts the playground and returns (the web server keeps the process alive); exits 2 on a wrong command line. */
    public static void main(String[] args) {
        if (args.length > 1 && (args[1].equals("--help") || args[1].equals("-h"))) {
            System.out.println(usage());
            return;
        }
        String fork = System.getProperty(QuickJvm.FORK);
        Optional<List<String>> child = QuickJvm.childCommand(QuickJvm.ownCommand(), fork);
        OptionalInt childExit = child.map(QuickJvm::run).orElse(OptionalInt.empty());
        if (childExit.isPresent()) {
            System.exit(childExit.getAsInt());
        }
        QuickJvm.followParent(fork);
        try {
            start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("charter-bot playground: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static String usage() {
        return """
                usage: java -jar charter-bot.jar playground [--charter <dir>] [--port 8090] [--charter.<property>=<value>]
                  a web page on http://127.0.0.1:<port>/ to try a charter while writing it (Ctrl+C to stop)""";
    }

    /** The running playground; its port is the one asked for, or the one picked for port 0. */
    static PlaygroundServer start(String[] args, PrintStream out) {
        Options options = Options.parse(args);
        // Lucene's classes load and warm up on the other core while the settings are read: the
        // charter's first reading, which the page waits for, then costs a fraction of its cold cost.
        onTheSide(AnswerEngine::prepare);
        quietLogging();
        List<String> properties = new ArrayList<>(options.properties());
        if (options.charter() != null) {
            properties.add("--charter.dir=" + options.charter().toAbsolutePath().normalize());
        }
        CliConfiguration configuration = CliConfiguration.of(properties);
        Clock clock = Clock.systemUTC();
        // The charter's first reading (the index) starts now on its own thread: the page waits for it.
        LiveCharter charter = new LiveCharter(configuration.charter(), WATCH_INTERVAL, clock);
        // The quiz, administrator and nudge settings go through Spring Boot's binder, most of a
        // second, needed only by the first question: read after the charter (loaded or not), not
        // competing with it.
        CompletableFuture<ConversationProperties> conversation = charter.firstLoad()
                .handleAsync((loaded, failed) -> configuration.conversation(), Playground::onTheSide);
        PlaygroundChats chats = new PlaygroundChats(charter, conversation::join, new JFreeChartDrawing(), clock);
        PlaygroundApi api = new PlaygroundApi(charter, chats);
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(options.port(), api, charter);
        } catch (BindException e) {
            throw new IllegalArgumentException(
                    "port " + options.port() + " is taken on 127.0.0.1; choose another with --port <n>");
        } catch (IOException e) {
            throw new UncheckedIOException("the playground cannot listen on port " + options.port(), e);
        }
        try {
            conversation.join();
        } catch (CompletionException e) {
            server.close();
            throw e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
        }
        charter.start();
        // The first question the author types is then answered as fast as the next ones.
        onTheSide(api::warmUp);
        out.printf("Charter playground: http://127.0.0.1:%d/ (Ctrl+C to stop)%n", server.port());
        out.printf("Bac à sable de la charte : http://127.0.0.1:%d/ (Ctrl+C pour arrêter)%n", server.port());
        return server;
    }

    private static void onTheSide(Runnable task) {
        Thread thread = new Thread(task, "playground-side");
        thread.setDaemon(true);
        thread.start();
    }

    /** Only the playground's own lines (the charter loaded, its problems) and the libraries' warnings. */
    private static void quietLogging() {
        ILoggerFactory loggers = LoggerFactory.getILoggerFactory();
        if (loggers instanceof LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logback.getLogger("com.charterbot").setLevel(Level.INFO);
        }
    }

    /** The command line: {@code --charter <dir>}, {@code --port <n>} and {@code --charter.x=y} settings. */
    record Options(Path charter, int port, List<String> properties) {

        static Options parse(String[] args) {
            Path charter = null;
            int port = DEFAULT_PORT;
            List<String> properties = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                String name = arg;
                if (arg.startsWith("--charter=") || arg.startsWith("--port=")) {
                    name = arg.substring(0, arg.indexOf('='));
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (arg.equals("--charter") || arg.equals("--port")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--charter" -> {
                        charter = Path.of(value);
                        if (!Files.isDirectory(charter)) {
                            throw new IllegalArgumentException("no charter folder at " + value);
                        }
                    }
                    case "--port" -> port = port(value);
                    default -> {
                        if (arg.startsWith("--charter.") && arg.contains("=")) {
                            properties.add(arg);
                        } else {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                    }
                }
            }
            return new Options(charter, port, List.copyOf(properties));
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--port must be a port number (0 to 65535), not '" + value + "'");
        }
    }
}
