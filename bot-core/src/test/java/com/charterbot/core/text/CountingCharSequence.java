package com.charterbot.core.text;

/**
 * A text that counts how many characters are read from it: the "operations" of a text pass,
 * independent of the machine's speed. {@link #toString()} counts as reading every character.
 */
public final class CountingCharSequence implements CharSequence {

    private final String text;
    private long reads;

    public CountingCharSequence(String text) {
        this.text = text;
    }

    public long reads() {
        return reads;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        reads++;
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        reads += end - start;
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        reads += text.length();
        return text;
    }
}
