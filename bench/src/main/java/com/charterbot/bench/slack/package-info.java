/**
 * {@code bench/slack-load}: signed {@code /charter} slash commands against the running app, through
 * the generic load generator of {@code com.charterbot.bench.load}.
 *
 * <p>Nothing in this package returns or accepts null unless stated.
 */
package com.charterbot.bench.slack;
