package com.charterbot.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into its command, options, positional words and pass-through
 * {@code --key=value} configuration properties.
 */
record Arguments(String command, List<String> positional, String lang, String charter, boolean json, boolean verbose,
        Integer maxPhrasings, List<String> properties) {

    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        List<String> positional = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        String lang = null;
        String charter = null;
        boolean json = false;
        boolean verbose = false;
        Integer maxPhrasings = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--json" -> json = true;
                case "--verbose", "-v" -> verbose = true;
                case "--lang", "--charter", "--max-phrasings" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--lang" -> lang = value;
                        case "--charter" -> charter = value;
                        default -> maxPhrasings = count(arg, value);
                    }
                }
                default -> {
                    if (arg.startsWith("--lang=")) {
                        lang = arg.substring("--lang=".length());
                    } else if (arg.startsWith("--charter=")) {
                        charter = arg.substring("--charter=".length());
                    } else if (arg.startsWith("--max-phrasings=")) {
                        maxPhrasings = count("--max-phrasings", arg.substring("--max-phrasings=".length()));
                    } else if (arg.startsWith("--") && arg.contains("=")) {
                        properties.add(arg);
                    } else if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    } else {
                        positional.add(arg);
                    }
                }
            }
        }
        return new Arguments(args[0], List.copyOf(positional), lang, charter, json, verbose, maxPhrasings, List.copyOf(properties));
    }

    private static int count(String option, String value) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number of at least 1, not '" + value + "'");
    }
}
