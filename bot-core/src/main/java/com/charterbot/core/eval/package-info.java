/**
 * Offline measurement of answer and draft-check quality against labelled sets: the {@code eval},
 * {@code eval --calibrate} and {@code check-eval} commands and the playground's evaluation tab.
 * Nothing here runs while the bot serves users. Metrics are defined in {@code docs/evaluation.md}.
 */
package com.charterbot.core.eval;
