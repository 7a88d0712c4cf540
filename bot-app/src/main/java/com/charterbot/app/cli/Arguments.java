package com.charterbot.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into its command, options, positional words and pass-through
 * {@code --name=value} configuration properties.
 *
 * @param employee {@code chat}: talk as an employee rather than as a charter administrator
 * @param maxPhrasings {@code eval}: keep each section's first N phrasings; null for all
 * @param calibrate {@code eval}: fit the charter's confidence instead of scoring
 * @param precision {@code eval --calibrate}: the share of answers that must be right; null for the default
 * @param leaveOut {@code check-eval}: the checker does not learn from the example posts that are drafts of the set
 */
record Arguments(
        String command,
        List<String> positional,
        String lang,
        String charter,
        boolean json,
        boolean verbose,
        boolean employee,
        Integer maxPhrasings,
        boolean calibrate,
        Double precision,
        List<String> properties,
        boolean dryRun,
        boolean leaveOut) {

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
        Integer maxPhrasings = null;
        boolean calibrate = false;
        boolean dryRun = false;
        boolean leaveOut = false;
        Double precision = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--json" -> json = true;
                case "--verbose", "-v" -> verbose = true;
                case "--employee" -> employee = true;
                case "--calibrate" -> calibrate = true;
                case "--dry-run" -> dryRun = true;
                case "--leave-out" -> leaveOut = true;
                case "--lang", "--charter", "--max-phrasings", "--precision" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--lang" -> lang = value;
                        case "--charter" -> charter = value;
                        case "--precision" -> precision = share(arg, value);
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
                    } else if (arg.startsWith("--precision=")) {
                        precision = share("--precision", arg.substring("--precision=".length()));
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
        return new Arguments(
                args[0],
                List.copyOf(positional),
                lang,
                charter,
                json,
                verbose,
                employee,
                maxPhrasings,
                calibrate,
                precision,
                List.copyOf(properties),
                dryRun,
                leaveOut);
    }

    private static double share(String option, String value) {
        try {
            double share = Double.parseDouble(value.strip());
            if (share > 0.5 && share < 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                option + " needs a number between 0.5 and 1, such as 0.95, not '" + value + "'");
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
