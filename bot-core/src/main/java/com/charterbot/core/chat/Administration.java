package com.charterbot.core.chat;

import com.charterbot.core.activity.UnansweredQuestions;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.charter.ReloadCharter;
import com.charterbot.core.stats.AwarenessStatsService;
import com.charterbot.core.stats.DrawCharts;
import java.util.Objects;

/**
 * What the charter administrators' commands work with: who may act and the audit, the statistics
 * with their charts, and reloading the charter.
 *
 * @param admin decides who is an administrator and audits what they do
 * @param unanswered where the questions the charter could not answer go, for the statistics
 * @param reload the {@code reload} command; {@link ReloadCharter#bundled()} for a bot that serves the charter bundled with it
 * @param charts draws the statistics' charts; {@link DrawCharts#none()} for statistics as text alone
 */
public record Administration(
        AdminActions admin,
        AwarenessStatsService stats,
        UnansweredQuestions unanswered,
        ReloadCharter reload,
        DrawCharts charts) {

    public Administration {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(unanswered, "unanswered");
        Objects.requireNonNull(reload, "reload");
        Objects.requireNonNull(charts, "charts");
    }
}
