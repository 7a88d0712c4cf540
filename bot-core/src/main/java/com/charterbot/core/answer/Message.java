package com.charterbot.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message split into sentences, with the ones that ask something told apart from the story
 * around them ("I'm on the night shift and my lead asked us to... can I post the video?"). Words
 * of the story still count, but less: they say where the question comes from, the ask says what
 * it is about.
 */
final class Message {

    /** How much a word of the story counts next to a word of the ask. */
    static final double STORY_WEIGHT = 0.5;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n\u2026]+|\\s+-\\s+");
    private static final Pattern ASKING = Pattern.compile(
            "^\\W*(?:(?:so|and|but|ok|okay|hey|hi|also|well|quick question|question)\\W+)*"
                    + "(?:can|could|may|might|should|shall|must|is|are|am|do|does|did|would|will|what|how|who|whom|where|when|which|why"
                    + "|any|anyone|anybody|ok to|okay to|allowed to|i wonder|wondering|is it"
                    + "|puis[- ]je|peut[- ]on|peux[- ]tu|est[- ]ce|je peux|j'peux|on peut|ai[- ]je|a[- ]t[- ]on|dois[- ]je|doit[- ]on|faut[- ]il"
                    + "|comment|que|qu'|quoi|qui|quel|quelle|quels|quelles|o[uù]|quand|pourquoi|combien|c'est ok|c'est possible|j'ai le droit"
                    + "|on a le droit|ai je|a t on|svp|stp)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private record Sentence(int start, int end, boolean asks) {}

    private final List<Sentence> sentences;
    private final boolean anyAsk;

    private Message(List<Sentence> sentences) {
        this.sentences = sentences;
        this.anyAsk = sentences.stream().anyMatch(Sentence::asks);
    }

    static Message read(String text) {
        List<Sentence> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            add(text, start, end.start(), end.group().contains("?"), sentences);
            start = end.end();
        }
        add(text, start, text.length(), false, sentences);
        return new Message(sentences);
    }

    private static void add(String text, int start, int end, boolean questionMark, List<Sentence> sentences) {
        String sentence = text.substring(start, end).strip();
        if (!sentence.isEmpty()) {
            sentences.add(new Sentence(
                    start, end, questionMark || ASKING.matcher(sentence).find()));
        }
    }

    /** How much the word starting at this offset counts: 1 in the ask, or everywhere when no sentence asks. */
    double weightAt(int offset) {
        if (!anyAsk) {
            return 1;
        }
        for (Sentence sentence : sentences) {
            if (offset >= sentence.start() && offset < sentence.end()) {
                return sentence.asks() ? 1 : STORY_WEIGHT;
            }
        }
        return STORY_WEIGHT;
    }

    /** Whether the message is more than one sentence with a story around its ask. */
    boolean hasStory() {
        return anyAsk && sentences.stream().anyMatch(s -> !s.asks());
    }
}
