/**
 * The bot's home (Slack App Home, the Teams welcome and home card): inbound port
 * {@link com.charterbot.core.home.ShowHome}, served by {@link com.charterbot.core.home.HomeService}.
 */
package com.charterbot.core.home;
