package com.charterbot.app.startup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot refuses to start: a setting is missing, unsafe or still a placeholder. Spring Boot reports
 * it once, as its "APPLICATION FAILED TO START" report with the problem under "Description" and what
 * to set under "Action" (see {@link StartupRefusalFailureAnalyzer}), in plain text or as one JSON
 * log event under {@code prod}, without a stack trace.
 *
 * <p>Throw it from anywhere start-up runs: a {@code @Bean} method, a configuration properties
 * record's constructor, or a check of {@link StartupChecks}, which runs before anything starts. Never put a secret's value in
 * either text: the report reaches the logs.
 */
public class StartupRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * @param problem what is wrong, in a sentence or a list, naming the setting and the value found
     * @param action what to set, naming the property and its environment variable
     */
    public StartupRefusal(String problem, String action) {
        // No stack trace: the report says everything, and nothing should print one.
        super(requireText(problem, "problem"), null, false, false);
        this.action = requireText(action, "action");
    }

    public String problem() {
        return getMessage();
    }

    public String action() {
        return action;
    }

    /** One refusal that says all of these, each problem and action a line of its own; empty for none. */
    public static Optional<StartupRefusal> combine(List<StartupRefusal> refusals) {
        if (refusals.size() < 2) {
            return refusals.stream().findFirst();
        }
        return Optional.of(new StartupRefusal(
                bullets(refusals.stream().map(StartupRefusal::problem).toList()),
                bullets(refusals.stream().map(StartupRefusal::action).toList())));
    }

    private static String bullets(List<String> lines) {
        return "- "
                + String.join(
                        "\n- ",
                        lines.stream().map(line -> line.replace("\n", "\n  ")).toList());
    }

    private static String requireText(String text, String name) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text;
    }
}
