package com.charterbot.core.nudge;

import com.charterbot.core.reply.Reply;
import java.util.Map;
import java.util.Objects;

/** What {@link EditNudges} answers. */
public sealed interface NudgeFormOutcome {

    /** The form to show. */
    record Form(NudgeForm form) implements NudgeFormOutcome {
        public Form {
            Objects.requireNonNull(form, "form");
        }
    }

    /** The settings were saved; the confirmation is for the administrator. */
    record Saved(ChannelState state, Reply confirmation) implements NudgeFormOutcome {
        public Saved {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(confirmation, "confirmation");
        }
    }

    /**
     * Nothing was saved: a message per wrong field id, in the form's language, to show next to the
     * field; the form is filled with what was submitted.
     */
    record Rejected(NudgeForm form, Map<String, String> errors) implements NudgeFormOutcome {
        public Rejected {
            Objects.requireNonNull(form, "form");
            errors = Map.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one field");
            }
        }
    }

    /** The person may not change nudges; the message says why, in their language. */
    record Denied(String message) implements NudgeFormOutcome {
        public Denied {
            Objects.requireNonNull(message, "message");
        }
    }
}
