package com.charterbot.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into its command, options, positional words and pass-through
 * {@code --name=value} configuration properties.
 *
 * @param employee {@code chat}: talk as an employee rather than as a charter administrator
 */
record Arguments(String command, List<String> positional, String lang, String charter, boolean json, boolean verbose, boolean employee,
        List<String> properties) {

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
        boolean employee = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--json" -> json = true;
                case "--verbose", "-v" -> verbose = true;
                case "--employee" -> employee = true;
                case "--lang", "--charter" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    if (arg.equals("--lang")) {
                        lang = args[++i];
                    } else {
                        charter = args[++i];
                    }
                }
                default -> {
                    if (arg.startsWith("--lang=")) {
                        lang = arg.substring("--lang=".length());
                    } else if (arg.startsWith("--charter=")) {
                        charter = arg.substring("--charter=".length());
                    } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                        properties.add(arg);
                    } else if (arg.startsWith("-") && arg.length() > 1) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    } else {
                        positional.add(arg);
                    }
                }
            }
        }
        if (charter != null) {
            properties.add("--charter.dir=" + charter);
        }
        return new Arguments(args[0], List.copyOf(positional), lang, charter, json, verbose, employee, List.copyOf(properties));
    }
}
