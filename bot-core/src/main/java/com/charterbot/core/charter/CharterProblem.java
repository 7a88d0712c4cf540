package com.charterbot.core.charter;

import java.util.Objects;

/** Something wrong in a charter file, located by file and line (line 0 when it concerns the whole file or folder). */
public record CharterProblem(String file, int line, String message) implements Comparable<CharterProblem> {

    public CharterProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(CharterProblem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
