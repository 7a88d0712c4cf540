package com.charterbot.core.charter;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;

/**
 * Something wrong in a charter file, located by file and line (line 0 when it concerns the whole file or folder).
 *
 * @param key the message key, in the {@code charter} bundle ({@code charter.problem.*})
 * @param arguments the message's {0}-style arguments, already formatted
 */
public record CharterProblem(String file, int line, String key, List<String> arguments)
        implements Comparable<CharterProblem> {

    public CharterProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a charter problem needs a message key");
        }
        Objects.requireNonNull(arguments, "arguments");
        arguments = List.copyOf(arguments);
    }

    /** The message in this language, without the file and line. */
    public String message(Language language) {
        return Messages.get(language, key, arguments.toArray());
    }

    /** The message in English, as logs and the command line show it. */
    public String message() {
        return message(Language.EN);
    }

    /** {@code file:line: message} ({@code file: message} when the line is 0) in this language. */
    public String describe(Language language) {
        String message = message(language);
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(CharterProblem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    /** {@code file:line: message} in English. */
    @Override
    public String toString() {
        return describe(Language.EN);
    }
}
