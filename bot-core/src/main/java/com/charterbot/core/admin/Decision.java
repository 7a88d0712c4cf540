package com.charterbot.core.admin;

import com.charterbot.core.i18n.Messages;
import com.charterbot.core.values.Language;
import java.util.Objects;
import java.util.Set;

/** Whether someone may use the administrator commands (nudge settings, statistics). */
public sealed interface Decision {

    /**
     * Allowed.
     *
     * @param basis {@link #CONFIGURED} (named in the configuration) or {@link #PLATFORM} (a trusted platform administrator)
     */
    record Allowed(String basis) implements Decision {

        public static final String CONFIGURED = "configured";
        public static final String PLATFORM = "platform";

        public Allowed {
            if (!Set.of(CONFIGURED, PLATFORM).contains(basis)) {
                throw new IllegalArgumentException(
                        "an admin decision's basis is 'configured' or 'platform', not " + basis);
            }
        }
    }

    /**
     * Refused.
     *
     * @param reasonKey the message key of the refusal, e.g. {@link #NOT_ADMIN}
     */
    record Denied(String reasonKey) implements Decision {

        /** The person is neither configured nor a trusted platform administrator. */
        public static final String NOT_ADMIN = "admin.denied.not-admin";

        public Denied {
            Objects.requireNonNull(reasonKey, "reasonKey");
            if (reasonKey.isBlank()) {
                throw new IllegalArgumentException("a denial has a reason key");
            }
        }

        /** The refusal to show the person, in whole sentences. */
        public String reason(Language language) {
            return Messages.get(language, reasonKey);
        }
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
