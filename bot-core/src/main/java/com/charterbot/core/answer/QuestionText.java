package com.charterbot.core.answer;

import java.util.regex.Pattern;

/** Turns what a user typed in a chat into plain words: chat markup, HTML and control characters go. */
final class QuestionText {

    private static final Pattern SLACK_LABELLED_LINK =
            Pattern.compile("<(?:https?://|mailto:|#C|#G|@[UWB]|!)[^<>|]*\\|([^<>]*)>");
    private static final Pattern SLACK_TOKEN = Pattern.compile("<(?:https?://|mailto:|#|@|!)[^<>]*>");
    private static final Pattern TEAMS_MENTION = Pattern.compile("<at>[^<]*</at>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^<>]{0,300}>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private QuestionText() {}

    static String clean(String text) {
        String cleaned = TEAMS_MENTION.matcher(text).replaceAll(" ");
        cleaned = SLACK_LABELLED_LINK
                .matcher(cleaned)
                .replaceAll(match -> " " + java.util.regex.Matcher.quoteReplacement(match.group(1)) + " ");
        cleaned = SLACK_TOKEN.matcher(cleaned).replaceAll(" ");
        cleaned = HTML_TAG.matcher(cleaned).replaceAll(" ");
        cleaned = cleaned.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ");
        cleaned = CONTROL.matcher(cleaned).replaceAll(" ");
        return SPACES.matcher(cleaned).replaceAll(" ").strip();
    }

    static boolean hasWords(String cleaned) {
        return WORD.matcher(cleaned).find();
    }
}
