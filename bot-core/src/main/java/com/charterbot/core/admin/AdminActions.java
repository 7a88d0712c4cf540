package com.charterbot.core.admin;

import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.util.Objects;

/**
 * The two steps around every administrator command: {@link #authorize} first; when allowed, apply
 * the change, then {@link #audited} to keep a record of it.
 */
public final class AdminActions {

    /** Nudge settings of a channel changed; target: the channel key. */
    public static final String NUDGES_CHANGE = "nudges.change";
    /** Awareness statistics viewed; target: the period. */
    public static final String STATS_VIEW = "stats.view";
    /** The weekly statistics exported as a CSV file; target: the period. */
    public static final String STATS_EXPORT = "stats.export";
    /** An administrator asked for a nudge right away; target: the channel key. */
    public static final String NUDGES_NOW = "nudges.now";
    /** The charter files were read again; target: "charter"; before and after: the versions, or the problems' count when rejected. */
    public static final String CHARTER_RELOAD = "charter.reload";
    /** The channel receiving questions for the communications team was set in chat; target: the tenant key; before and after: channel keys. */
    public static final String EXPERTS_CHANNEL = "experts.channel";
    /** A suggested phrasing was approved; target: {@code <language>:<section id>}; after: the phrasing. */
    public static final String PHRASING_APPROVE = "phrasing.approve";
    /** A suggested phrasing was rejected; target: {@code <language>:<section id>}; after: the phrasing. */
    public static final String PHRASING_REJECT = "phrasing.reject";

    private final AdminPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public AdminActions(AdminPolicy policy, AuditLog audit, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether this person may act; see {@link AdminPolicy#decide}. */
    public Decision authorize(UserRef user, boolean platformAdmin) {
        return policy.decide(user, platformAdmin);
    }

    /** Records a change that was just applied, stamped with the clock's time. */
    public void audited(UserRef who, String action, String target, String before, String after) {
        audit.append(new AuditRecord(who, clock.instant(), action, target, before, after));
    }
}
