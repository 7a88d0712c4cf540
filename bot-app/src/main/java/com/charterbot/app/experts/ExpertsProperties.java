package com.charterbot.app.experts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the communications team receives the questions people send it.
 *
 * @param slackChannel the Slack channel id ({@code C...}) of the experts, in every workspace the bot serves, unless an
 *     administrator typed {@code experts channel here} elsewhere; empty for none
 * @param teamsChannel the Teams conversation id ({@code 19:...@thread.tacv2}) of the experts' channel, likewise
 * @param reminderAfter how long, in working time (weekends do not count), a question stays open before the experts' channel is reminded of it, once
 */
@ConfigurationProperties("charter.experts")
public record ExpertsProperties(
        @DefaultValue("") String slackChannel,
        @DefaultValue("") String teamsChannel,
        @DefaultValue("2d") Duration reminderAfter) {}
