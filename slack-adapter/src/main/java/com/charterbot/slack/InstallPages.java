package com.charterbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthInstallPageRenderer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages a person installing the app sees, in English and French, and what the OAuth flow
 * answers when it cannot finish: the install page with Slack's button ({@code GET /slack/install}),
 * the page after Slack sent the person back, and a failure page that names a short reason code,
 * never an exception's text. Nothing here logs the code or the state of a request.
 *
 * <ul>
 *   <li>an invalid, expired or replayed state: 400 {@code invalid_state};
 *   <li>Slack's {@code error} (the person cancelled: {@code access_denied}): 200 for a cancel, else 400;
 *   <li>{@code oauth.v2.access} refused the code: 400 with Slack's error code;
 *   <li>{@code oauth.v2.access} could not be reached: 502 {@code slack_unreachable};
 *   <li>the installation could not be stored: 500 {@code not_saved} (the person can simply try again).
 * </ul>
 */
final class InstallPages implements OAuthInstallPageRenderer, OAuthRedirectUriPageRenderer {

    private static final Logger log = LoggerFactory.getLogger(InstallPages.class);
    private static final String HTML = "text/html; charset=utf-8";
    private static final String CANCELLED = "access_denied";

    /** Answers every way the OAuth flow can end other than success with these pages. */
    void register(App app) {
        app.oauthCallbackStateError((request, response) -> {
            log.info("Slack install refused: invalid, expired or replayed state");
            return failure(response, 400, "invalid_state");
        });
        app.oauthCallbackError((request, response) -> {
            String code = code(request.getPayload().getError());
            log.info("Slack install not finished: Slack answered {}", code);
            if (CANCELLED.equals(code)) {
                return page(response, 200, cancelledPage());
            }
            return failure(response, 400, code);
        });
        app.oauthCallbackAccessError(
                (OAuthCallbackRequest request,
                        Response response,
                        com.slack.api.methods.response.oauth.OAuthV2AccessResponse apiResponse) -> {
                    String code = code(apiResponse.getError());
                    log.warn("Slack install not finished: oauth.v2.access answered {}", code);
                    return failure(response, 400, code);
                });
        app.oauthCallbackException((request, response, e) -> {
            log.warn(
                    "Slack install not finished: oauth.v2.access failed ({})",
                    e.getClass().getSimpleName());
            return failure(response, 502, "slack_unreachable");
        });
        app.oauthPersistenceErrorCallback(args -> {
            log.error(
                    "Slack install not finished: the installation could not be stored ({})",
                    args.getError().getClass().getSimpleName());
            failure(args.getResponse(), 500, "not_saved");
        });
    }

    @Override
    public String render(String authorizeUrl) {
        String url = escape(authorizeUrl);
        return document("Install Charter Bot", """
                <h1>Charter Bot</h1>
                <p>Your company's social-media charter, answered in Slack.</p>
                <p lang="fr">La charte réseaux sociaux de votre entreprise, dans Slack.</p>
                <p><a class="button" href="%s">Add to Slack / Ajouter à Slack</a></p>
                <p class="small">Slack asks you to allow the app in your workspace or organization, then brings you back here.<br>
                <span lang="fr">Slack vous demande d’autoriser l’application dans votre espace de travail ou votre organisation, puis vous
                ramène ici.</span></p>""".formatted(url));
    }

    @Override
    public String renderSuccessPage(Installer installer, String completionUrl) {
        String open = openSlack(installer);
        return document("Charter Bot installed", """
                <h1>Charter Bot is installed</h1>
                <p>Invite it to channels with <code>/invite @Charter</code>, or ask it something with <code>/charter help</code>.</p>
                <h1 lang="fr">Charter Bot est installé</h1>
                <p lang="fr">Invitez-le dans des canaux avec <code>/invite @Charter</code>, ou posez-lui une question avec
                <code>/charter aide</code>.</p>
                <p><a class="button" href="%s">Open Slack / Ouvrir Slack</a></p>""".formatted(escape(open)));
    }

    @Override
    public String renderFailurePage(String installPath, String reason) {
        String again = escape(installPath == null ? SlackSettings.Distribution.INSTALL_PATH : installPath);
        String code = escape(code(reason));
        return document("Charter Bot not installed", """
                <h1>The installation did not finish</h1>
                <p>Nothing was installed. <a href="%1$s">Start again</a>; if it fails again, give your IT team this reason:
                <code>%2$s</code>.</p>
                <h1 lang="fr">L’installation n’a pas abouti</h1>
                <p lang="fr">Rien n’a été installé. <a href="%1$s">Recommencez</a> ; si cela échoue encore, donnez cette raison à
                votre équipe informatique : <code>%2$s</code>.</p>""".formatted(again, code));
    }

    private static String cancelledPage() {
        return document("Charter Bot not installed", """
                <h1>Installation cancelled</h1>
                <p>Nothing was installed. <a href="%1$s">Install Charter Bot</a> whenever you like.</p>
                <h1 lang="fr">Installation annulée</h1>
                <p lang="fr">Rien n’a été installé. <a href="%1$s">Installez Charter Bot</a> quand vous voulez.</p>""".formatted(SlackSettings.Distribution.INSTALL_PATH));
    }

    private Response failure(Response response, int status, String code) {
        return page(response, status, renderFailurePage(SlackSettings.Distribution.INSTALL_PATH, code));
    }

    private static Response page(Response response, int status, String html) {
        response.setStatusCode(status);
        response.setContentType(HTML);
        response.setBody(html);
        return response;
    }

    /** Where Slack opens on the app: the organization's app page after an org-wide install, else the workspace's app. */
    private static String openSlack(Installer installer) {
        if (installer == null || installer.getAppId() == null) {
            return "slack://open";
        }
        String app = URLEncoder.encode(installer.getAppId(), StandardCharsets.UTF_8);
        if (Boolean.TRUE.equals(installer.getIsEnterpriseInstall())
                && installer.getEnterpriseUrl() != null
                && installer.getEnterpriseUrl().startsWith("https://")) {
            return installer.getEnterpriseUrl() + "manage/organization/apps/profile/" + app + "/workspaces/add";
        }
        if (installer.getTeamId() == null) {
            return "slack://open";
        }
        return "slack://app?team=" + URLEncoder.encode(installer.getTeamId(), StandardCharsets.UTF_8) + "&id=" + app;
    }

    /** A reason as a short snake-case code, like Slack's own; anything else reads "other". */
    static String code(String reason) {
        return reason != null && reason.matches("[a-z][a-z0-9_]{0,49}") ? reason : "other";
    }

    private static String document(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
                .button{display:inline-block;padding:.6rem 1.2rem;background:#1d4f91;color:#fff;border-radius:.3rem;text-decoration:none}
                .small{font-size:.9rem;color:#555}</style></head>
                <body>
                %s
                </body></html>
                """.formatted(escape(title), body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
