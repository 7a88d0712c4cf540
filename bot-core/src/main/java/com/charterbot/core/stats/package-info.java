/**
 * Awareness statistics for administrators: counts only, never names or question text.
 *
 * <p>Service: {@link com.charterbot.core.stats.AwarenessStatsService} (weekly figures within the
 * administrator's {@link com.charterbot.core.activity.StatsScope}), with
 * {@link com.charterbot.core.stats.StatsReply}, {@link com.charterbot.core.stats.WeeklyCharts} and
 * {@link com.charterbot.core.stats.WeeklyExport} (CSV). Outbound port:
 * {@link com.charterbot.core.stats.DrawCharts} (the picture; the core decides what it says).
 */
package com.charterbot.core.stats;
