package com.charterbot.teams;

/**
 * An authenticated activity the bot will not serve: its service URL is off the allow-list (the bot
 * sends nothing there) or it comes from a tenant the bot is not registered in. Answered 403.
 */
final class ActivityRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, for the log: never a token, a text or a conversation id */
    ActivityRefusedException(String reason) {
        super(reason, null, false, false);
    }

    static ActivityRefusedException serviceUrl(String host) {
        return new ActivityRefusedException("service URL of host " + host + " is not on the allow-list");
    }

    static ActivityRefusedException tenant() {
        return new ActivityRefusedException("the activity's tenant is not the bot's");
    }
}
