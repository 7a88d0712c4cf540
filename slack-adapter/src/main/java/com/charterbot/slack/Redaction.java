package com.charterbot.slack;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Keeps secrets out of log lines: the configured ones whatever their shape, and anything shaped like a Slack token. */
final class Redaction {

    private static final Pattern SLACK_TOKEN = Pattern.compile("xox[a-zA-Z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+");
    private static final String MASK = "[secret]";
    private static final int MAX_LENGTH = 300;

    private final List<String> secrets;

    Redaction(String... secrets) {
        this.secrets = java.util.Arrays.stream(secrets)
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The text without any secret, cut to a log-friendly length. */
    String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        masked = SLACK_TOKEN.matcher(masked).replaceAll(MASK);
        return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) + "..." : masked;
    }

    /** An exception as {@code Type: message}, masked, without a stack trace (its frames are no help for remote failures). */
    String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return mask(message == null || message.isBlank() ? type : type + ": " + message);
    }
}
