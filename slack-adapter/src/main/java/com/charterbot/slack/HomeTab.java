package com.charterbot.slack;

import com.charterbot.core.home.ShowHome;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.util.Objects;

/**
 * A person's App Home tab: {@link ShowHome}'s page published with {@code views.publish}, with the
 * administrator's part when Slack says they are one ({@link WorkspaceAdmins}) and in their Slack
 * client's language when they chose none ({@link SlackLocales}). The same page whenever it is
 * published: when the tab opens, after the nudge form is saved, and in place of "replace the
 * original" for a click in the tab (a Home tab has no message to replace). Blocking: for background work.
 */
final class HomeTab {

    private final ShowHome home;
    private final WorkspaceAdmins admins;
    private final SlackLocales locales;
    private final SlackOutbox outbox;
    private final BlockKitRenderer renderer;

    HomeTab(
            ShowHome home,
            WorkspaceAdmins admins,
            SlackLocales locales,
            SlackOutbox outbox,
            BlockKitRenderer renderer) {
        this.home = Objects.requireNonNull(home, "home");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.locales = Objects.requireNonNull(locales, "locales");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Publishes the person's page as it stands now. */
    void publish(WorkspaceBot bot, String user) {
        boolean admin = admins.isAdmin(bot, user);
        Reply page = home.home(new UserRef(Platform.SLACK, bot.team(), user), admin, locales.of(bot, user));
        outbox.publishHome(bot, user, renderer.homeView(page));
    }
}
