package com.charterbot.core.command;

import com.charterbot.core.command.Command.SmallTalk.Kind;
import com.charterbot.core.values.Language;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises small talk: a whole message that is only a greeting, a thank-you, "who are you?" or
 * "what can you do?", in English or French, maybe addressed ("hi there", "merci à vous") or greeting
 * first ("hello, who are you?"). Anything with more in it stays a question: "hello, can I post this
 * photo?" is answered from the charter.
 */
final class SmallTalk {

    private record Said(Kind kind, Optional<Language> language) {}

    private static final Optional<Language> EN = Optional.of(Language.EN);
    private static final Optional<Language> FR = Optional.of(Language.FR);

    /** Phrases as {@link #normalize} leaves them: lower case, no accents, apostrophes and dashes as spaces, no punctuation. */
    private static final Map<String, Said> PHRASES = Map.ofEntries(
            greeting("hi", EN),
            greeting("hello", EN),
            greeting("hey", EN),
            greeting("hiya", EN),
            greeting("howdy", EN),
            greeting("good morning", EN),
            greeting("good afternoon", EN),
            greeting("good evening", EN),
            greeting("morning", EN),
            greeting("greetings", EN),
            greeting("bonjour", FR),
            greeting("salut", FR),
            greeting("coucou", FR),
            greeting("bonsoir", FR),
            greeting("bjr", FR),
            greeting("slt", FR),
            greeting("hello bonjour", FR),
            thanks("thanks", EN),
            thanks("thank you", EN),
            thanks("thank you very much", EN),
            thanks("thanks a lot", EN),
            thanks("many thanks", EN),
            thanks("thx", EN),
            thanks("ty", EN),
            thanks("cheers", EN),
            thanks("great thanks", EN),
            thanks("ok thanks", EN),
            thanks("perfect thanks", EN),
            thanks("thanks a bunch", EN),
            thanks("merci", FR),
            thanks("merci beaucoup", FR),
            thanks("merci bien", FR),
            thanks("mille mercis", FR),
            thanks("super merci", FR),
            thanks("ok merci", FR),
            thanks("parfait merci", FR),
            thanks("top merci", FR),
            thanks("merci infiniment", FR),
            thanks("grand merci", FR),
            who("who are you", EN),
            who("what are you", EN),
            who("who is this", EN),
            who("are you a bot", EN),
            who("are you a robot", EN),
            who("who am i talking to", EN),
            who("t es qui", FR),
            who("tu es qui", FR),
            who("qui es tu", FR),
            who("qui etes vous", FR),
            who("vous etes qui", FR),
            who("t es quoi", FR),
            who("tu es quoi", FR),
            who("c est qui", FR),
            who("qui est ce", FR),
            who("es tu un robot", FR),
            who("tu es un robot", FR),
            who("t es un robot", FR),
            what("what can you do", EN),
            what("what do you do", EN),
            what("how does this work", EN),
            what("how do you work", EN),
            what("what can i ask", EN),
            what("what can i ask you", EN),
            what("what are you for", EN),
            what("how can you help", EN),
            what("how can you help me", EN),
            what("what do you know", EN),
            what("que sais tu faire", FR),
            what("tu sais faire quoi", FR),
            what("tu fais quoi", FR),
            what("que peux tu faire", FR),
            what("qu est ce que tu sais faire", FR),
            what("qu est ce que tu peux faire", FR),
            what("que fais tu", FR),
            what("comment ca marche", FR),
            what("comment tu marches", FR),
            what("a quoi tu sers", FR),
            what("tu sers a quoi", FR),
            what("que puis je te demander", FR),
            what("qu est ce que je peux te demander", FR),
            what("comment fonctionnes tu", FR),
            what("vous faites quoi", FR),
            what("que savez vous faire", FR));

    /** Whom a greeting or thank-you may be addressed to; dropped from the end of the message. */
    private static final Set<String> ADDRESSEES = Set.of(
            "there",
            "bot",
            "charter",
            "all",
            "everyone",
            "team",
            "again",
            "toi",
            "a toi",
            "vous",
            "a vous",
            "tout le monde",
            "le bot",
            "l equipe");

    private static final Pattern APOSTROPHES_AND_DASHES = Pattern.compile("['\\u2019\\u2018\\u02BC`\\-\\u2010\\u2011]");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final Pattern SPACES = Pattern.compile(" +");
    /** Longer messages are never small talk; the limit also bounds the work done here. */
    private static final int MAX_LENGTH = 60;

    private SmallTalk() {}

    /** The small talk a message is, if it is only that. */
    static Optional<Command.SmallTalk> read(String folded) {
        if (folded == null || folded.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = normalize(folded);
        Said said = match(text);
        if (said == null) {
            // "hello, who are you?": the greeting leads, the rest says what the person wants.
            for (Map.Entry<String, Said> phrase : PHRASES.entrySet()) {
                if (phrase.getValue().kind() == Kind.GREETING && text.startsWith(phrase.getKey() + " ")) {
                    Said rest = match(text.substring(phrase.getKey().length() + 1));
                    if (rest != null) {
                        said = rest;
                        break;
                    }
                }
            }
        }
        return said == null ? Optional.empty() : Optional.of(new Command.SmallTalk(said.kind(), said.language()));
    }

    private static Said match(String text) {
        Said said = PHRASES.get(text);
        if (said != null) {
            return said;
        }
        for (String addressee : ADDRESSEES) {
            if (text.endsWith(" " + addressee)) {
                Said addressed = PHRASES.get(text.substring(0, text.length() - addressee.length() - 1));
                if (addressed != null && (addressed.kind() == Kind.GREETING || addressed.kind() == Kind.THANKS)) {
                    return addressed;
                }
            }
        }
        return null;
    }

    /** Apostrophes and dashes as spaces, punctuation and emoji removed, spaces collapsed. */
    static String normalize(String folded) {
        String words = APOSTROPHES_AND_DASHES.matcher(folded).replaceAll(" ");
        words = NOT_A_WORD.matcher(words).replaceAll(" ");
        return SPACES.matcher(words).replaceAll(" ").strip();
    }

    private static Map.Entry<String, Said> greeting(String phrase, Optional<Language> language) {
        return Map.entry(phrase, new Said(Kind.GREETING, language));
    }

    private static Map.Entry<String, Said> thanks(String phrase, Optional<Language> language) {
        return Map.entry(phrase, new Said(Kind.THANKS, language));
    }

    private static Map.Entry<String, Said> who(String phrase, Optional<Language> language) {
        return Map.entry(phrase, new Said(Kind.WHO, language));
    }

    private static Map.Entry<String, Said> what(String phrase, Optional<Language> language) {
        return Map.entry(phrase, new Said(Kind.WHAT, language));
    }
}
