package com.charterbot.core.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds phone numbers in a text, in one pass: a run of digits and single separators (space, dot,
 * dash, slash, parentheses) that reads as an international number ({@code +33 6 71 22 33 44}), a
 * national one starting with 0 ({@code 06 71 22 33 44}, {@code 020 7946 0958}) or a North American
 * one ({@code (415) 555-0132}, {@code 415-555-0132}). Years, prices and dates do not qualify: too
 * few digits, or no such shape.
 */
final class Phones {

    private static final String SEPARATORS = " .-/()";

    private Phones() {}

    /** The {@code [start, end)} character ranges of the phone numbers, in order. */
    static List<int[]> find(CharSequence text) {
        List<int[]> found = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            boolean opens = c == '+' || c == '(' && i + 1 < length && isDigit(text.charAt(i + 1)) || isDigit(c);
            boolean startsNumber = opens && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            if (!startsNumber) {
                i++;
                continue;
            }
            int digits = 0;
            int groups = 0;
            int groupLength = 0;
            int lastDigit = -1;
            int[] sizes = new int[16];
            int separatorsInARow = 0;
            int j = i + (c == '+' ? 1 : 0);
            while (j < length) {
                char d = text.charAt(j);
                if (isDigit(d)) {
                    digits++;
                    groupLength++;
                    lastDigit = j;
                    separatorsInARow = 0;
                } else if (SEPARATORS.indexOf(d) >= 0 && separatorsInARow < 2) {
                    if (groupLength > 0) {
                        if (groups < sizes.length) {
                            sizes[groups] = groupLength;
                        }
                        groups++;
                        groupLength = 0;
                    }
                    separatorsInARow++;
                } else {
                    break;
                }
                j++;
            }
            if (groupLength > 0) {
                if (groups < sizes.length) {
                    sizes[groups] = groupLength;
                }
                groups++;
            }
            if (lastDigit >= 0
                    && (lastDigit + 1 >= length || !Character.isLetterOrDigit(text.charAt(lastDigit + 1)))
                    && isPhone(c, text.charAt(firstDigit(text, i)), digits, groups, sizes)) {
                found.add(new int[] {start(text, i), lastDigit + 1});
            }
            i = Math.max(j, i + 1);
        }
        return found;
    }

    /** Where the number starts: at its "(" only around an area code, as in (415) 555-0132. */
    private static int start(CharSequence text, int from) {
        if (text.charAt(from) != '(') {
            return from;
        }
        int digit = firstDigit(text, from);
        int end = digit;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end - digit <= 4 && end < text.length() && text.charAt(end) == ')' ? from : digit;
    }

    private static int firstDigit(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && !isDigit(text.charAt(i))) {
            i++;
        }
        return Math.min(i, text.length() - 1);
    }

    private static boolean isPhone(char start, char firstDigit, int digits, int groups, int[] sizes) {
        if (start == '+') {
            return digits >= 9 && digits <= 15;
        }
        if (firstDigit == '0') {
            // National numbers: ten digits in France, ten or eleven in the United Kingdom, Germany varies.
            return digits >= 10 && digits <= 12 && (groups == 1 || groups >= 3);
        }
        // North America: (415) 555-0132, 415-555-0132, 415.555.0132.
        return digits == 10 && groups == 3 && sizes[0] == 3 && sizes[1] == 3 && sizes[2] == 4;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
