package com.charterbot.app.charter;

import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterProblem;
import com.charterbot.core.charter.LoadResult;
import java.util.stream.Collectors;

/** Reads the configured charter and turns a rejection into a message that lists every problem. */
public final class CharterSource {

    private CharterSource() {}

    public static CharterFiles files(CharterProperties properties) {
        return properties.folder() == null ? CharterFiles.defaults() : CharterFiles.fromDirectory(properties.folder());
    }

    public static String describe(CharterFiles files, LoadResult.Rejected rejected) {
        int count = rejected.problems().size();
        return "The charter in " + files.origin() + " has " + count + (count == 1 ? " problem:\n" : " problems:\n")
                + rejected.problems().stream()
                        .map(CharterProblem::toString)
                        .map(p -> "  " + p)
                        .collect(Collectors.joining("\n"));
    }
}
