package com.charterbot.playground;

import com.charterbot.core.answer.AnswerEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
    static ConfigurableApplicationContext start(String[] args, PrintStream out) {
        Options options = Options.parse(args);
        // Lucene's classes load and warm up on the other core while Spring starts.
        Thread warmUp = new Thread(AnswerEngine::prepare, "answer-engine-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        SpringApplication application = new SpringApplication(PlaygroundApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setDefaultProperties(defaults());
        List<String> properties = new ArrayList<>(options.properties());
        properties.add("--charter.playground.port=" + options.port());
        if (options.charter() != null) {
            properties.add("--charter.dir=" + options.charter().toAbsolutePath().normalize());
        }
        ConfigurableApplicationContext context = application.run(properties.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        out.printf("Charter playground: http://127.0.0.1:%d/ (Ctrl+C to stop)%n", port);
        out.printf("Bac à sable de la charte : http://127.0.0.1:%d/ (Ctrl+C pour arrêter)%n", port);
        return context;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.web.resources.static-locations", "classpath:/playground/");
        defaults.put("spring.jmx.enabled", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.log-startup-info", "false");
        defaults.put("logging.level.root", "WARN");
        defaults.put("logging.level.com.charterbot", "INFO");
        // An event stream the page closed, or one reaching its timeout, is not a problem worth a line.
        defaults.put(
                "logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver", "ERROR");
        defaults.put("server.error.include-stacktrace", "never");
        return defaults;
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
