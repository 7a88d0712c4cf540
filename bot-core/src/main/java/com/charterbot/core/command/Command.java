package com.charterbot.core.command;

import com.charterbot.core.values.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a user asked the bot to do, parsed from the text after {@code /charter} or sent to the bot. */
public sealed interface Command {

    /** The language the command word itself was written in, when it tells ("aide" is French). */
    Optional<Language> wordLanguage();

    /** Whether only charter administrators may run it ({@code Converse.isAdministrative} tells adapters when to look up admin rights). */
    default boolean administrative() {
        return this instanceof Nudges
                || this instanceof Stats
                || this instanceof StatsExport
                || this instanceof Reload
                || this instanceof ExpertsChannel
                || this instanceof Phrasings;
    }

    record Help(Optional<Language> wordLanguage) implements Command {}

    record StartQuiz(Optional<Language> wordLanguage) implements Command {}

    record ShowTip(Optional<Language> wordLanguage) implements Command {}

    record SetLanguage(Language language, Optional<Language> wordLanguage) implements Command {
        public SetLanguage {
            Objects.requireNonNull(language, "language");
        }
    }

    record Settings(Optional<Language> wordLanguage) implements Command {}

    /** The person's own page: their quiz progress and topics to review, for administrators their channels ({@code home} / {@code accueil}). */
    record Home(Optional<Language> wordLanguage) implements Command {}

    /** Admin: show or change the nudges of the current channel; the arguments are parsed by the nudge syntax. */
    record Nudges(String arguments, Optional<Language> wordLanguage) implements Command {
        public Nudges {
            Objects.requireNonNull(arguments, "arguments");
        }
    }

    /** Admin: awareness statistics over the last {@code days} days. */
    record Stats(int days, Optional<Language> wordLanguage) implements Command {
        public Stats {
            if (days < 1 || days > 365) {
                throw new IllegalArgumentException("days must be between 1 and 365");
            }
        }
    }

    /** Admin: the weekly counts per topic and tier of the last weeks, as a CSV file ({@code stats export}). */
    record StatsExport(Optional<Language> wordLanguage) implements Command {}

    /** Admin: read the charter folder again and serve it if it is valid. */
    record Reload(Optional<Language> wordLanguage) implements Command {}

    record ForgetMe(Optional<Language> wordLanguage) implements Command {}

    /** Admin: questions for the communications team go to this channel ({@code experts channel here}). */
    record ExpertsChannel(Optional<Language> wordLanguage) implements Command {}

    /** Admin: review the suggested phrasings ({@code phrasings} / {@code formulations}). */
    record Phrasings(Optional<Language> wordLanguage) implements Command {}

    /**
     * What people say to a bot before or after asking anything ("hello", "merci", "who are you?"):
     * answered with a short greeting and the help, never searched in the charter.
     */
    record SmallTalk(Kind kind, Optional<Language> wordLanguage) implements Command {

        /** What the person said. */
        public enum Kind {
            /** "hi", "bonjour", "salut". */
            GREETING,
            /** "thanks", "merci". */
            THANKS,
            /** "who are you?", "t'es qui ?". */
            WHO,
            /** "what can you do?", "tu sais faire quoi ?". */
            WHAT
        }

        public SmallTalk {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(wordLanguage, "wordLanguage");
        }
    }

    /**
     * {@code check <draft>} / {@code vérifier <brouillon>} (or {@code check: <draft>}): what the
     * charter says about a post before it is published.
     *
     * @param draft everything after the command word, as written (line breaks kept), never blank
     */
    record Check(String draft, Optional<Language> wordLanguage) implements Command {
        public Check {
            Objects.requireNonNull(draft, "draft");
            if (draft.isBlank()) {
                throw new IllegalArgumentException("a check has a draft");
            }
            Objects.requireNonNull(wordLanguage, "wordLanguage");
        }
    }

    /** Anything that is not a command: a question for the charter. */
    record Ask(String question) implements Command {
        public Ask {
            Objects.requireNonNull(question, "question");
        }

        @Override
        public Optional<Language> wordLanguage() {
            return Optional.empty();
        }
    }

    /**
     * A command word with arguments it cannot take; the reply is the usage message.
     *
     * @param messageKey the usage sentence to show, from the commands bundle
     */
    record Invalid(String messageKey, List<String> arguments, Optional<Language> wordLanguage) implements Command {
        public Invalid {
            Objects.requireNonNull(messageKey, "messageKey");
            arguments = List.copyOf(arguments);
        }
    }
}
