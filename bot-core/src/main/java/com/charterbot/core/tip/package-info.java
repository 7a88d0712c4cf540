/**
 * Tips: one short piece of the charter at a time, each channel going through every tip before any
 * comes back, with the sections its members miss most in quizzes drawn more often. Inbound port
 * {@link com.charterbot.core.tip.ShowTip}, served by {@link com.charterbot.core.tip.TipService};
 * outbound port {@link com.charterbot.core.tip.TipRotationStore}.
 */
package com.charterbot.core.tip;
