package com.charterbot.core.experts;

import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A question a person sent to the communications team, and what became of it.
 *
 * <p>The asker and the text are kept only while the question is open: once it is answered,
 * declined or its asker says "forget me", both are erased and what is left (times, status, who
 * answered) feeds the statistics alone.
 *
 * @param id random and unguessable: it travels in the experts' buttons
 * @param tenant the asker's tenant key ({@code slack:T0123}), for statistics scoped to a workspace
 * @param asker the person to send the answer to; null once erased
 * @param askerName the name the platform gave for the asker, or empty; erased with the asker
 * @param text the question as sent; null once erased
 * @param sections the ids of the charter sections the bot found closest, best first
 * @param channel the experts' channel the card was posted in; null when it could not be posted
 * @param cardId the platform's id of the posted card (a Slack {@code ts}, a Teams activity id); null when not posted
 * @param closedAt when it was answered, declined or erased; null while open
 * @param closedBy the name of the expert who answered or declined; empty otherwise
 * @param remindedAt when the experts' channel was reminded of it; null when never
 */
public record ExpertQuestion(
        String id,
        String tenant,
        UserRef asker,
        String askerName,
        String text,
        Language language,
        List<String> sections,
        Instant askedAt,
        Status status,
        ChannelRef channel,
        String cardId,
        Instant closedAt,
        String closedBy,
        Instant remindedAt) {

    /** Where a question stands. */
    public enum Status {
        /** Waiting for an expert. */
        OPEN,
        /** An expert answered it, in their words or with a section. */
        ANSWERED,
        /** An expert said it is not for the communications team, with a reason for the asker. */
        DECLINED,
        /** Its asker said "forget me" before anyone answered: there is nothing left to answer. */
        FORGOTTEN
    }

    /** The longest question sent: what a button value carries, with room for the section ids. */
    public static final int MAX_TEXT = 1_800;

    public ExpertQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        askerName = askerName == null ? "" : askerName;
        Objects.requireNonNull(language, "language");
        sections = List.copyOf(sections);
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(status, "status");
        closedBy = closedBy == null ? "" : closedBy;
        if (status == Status.OPEN && (asker == null || text == null || text.isBlank())) {
            throw new IllegalArgumentException("an open question has its asker and text");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a question sent to the experts is at most " + MAX_TEXT + " characters");
        }
    }

    /** A question just sent, not posted yet. */
    public static ExpertQuestion asked(
            String id,
            UserRef asker,
            String askerName,
            String text,
            Language language,
            List<String> sections,
            Instant at) {
        return new ExpertQuestion(
                id,
                asker.tenantKey(),
                asker,
                askerName,
                text,
                language,
                sections,
                at,
                Status.OPEN,
                null,
                null,
                null,
                "",
                null);
    }

    /** Whether an expert may still act on it. */
    public boolean open() {
        return status == Status.OPEN;
    }

    /** This question, posted as this card in this channel. */
    public ExpertQuestion posted(ChannelRef where, String card) {
        return new ExpertQuestion(
                id,
                tenant,
                asker,
                askerName,
                text,
                language,
                sections,
                askedAt,
                status,
                where,
                card,
                closedAt,
                closedBy,
                remindedAt);
    }
}
