package com.charterbot.teams;

/** An activity's service URL is not on the allow-list: the bot sends nothing there. */
final class ServiceUrlRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServiceUrlRefusedException() {
        super("service URL not on the allow-list", null, false, false);
    }
}
