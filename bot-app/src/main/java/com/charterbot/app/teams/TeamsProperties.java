package com.charterbot.app.teams;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Microsoft Teams adapter ({@code charter.teams.*}). The app id, password and tenant
 * fall back to the Bot Framework's usual environment variables {@code MICROSOFT_APP_ID},
 * {@code MICROSOFT_APP_PASSWORD} and {@code MICROSOFT_APP_TENANT_ID}.
 *
 * @param enabled whether {@code /api/messages} and Teams nudges are wired; false for a Slack-only deployment
 * @param appId the Azure Bot registration's Microsoft App ID; empty switches authentication off
 *     (Bot Framework Emulator only; refused with the {@code prod} profile)
 * @param appPassword the registration's client secret
 * @param tenantId the Entra tenant of a single-tenant registration
 * @param allowedServiceUrls the Bot Connector service URLs the bot may talk to; Teams' public ones by
 *     default, government clouds must be added
 * @param adminUserIds Entra object ids of charter administrators, joined to {@code charter.admins.teams-user-ids}
 * @param openIdMetadataUrl where the Bot Framework's signing keys are published; empty for the public
 *     cloud (tests point it at a stub)
 * @param maxRequestSize the largest activity accepted on {@code /api/messages}
 */
@ConfigurationProperties("charter.teams")
public record TeamsProperties(
        @DefaultValue("true") boolean enabled,
        String appId,
        String appPassword,
        String tenantId,
        @DefaultValue("https://smba.trafficmanager.net/") List<String> allowedServiceUrls,
        @DefaultValue Set<String> adminUserIds,
        String openIdMetadataUrl,
        @DefaultValue("256KB") DataSize maxRequestSize) {

    public TeamsProperties {
        appId = appId == null ? "" : appId.strip();
        appPassword = appPassword == null ? "" : appPassword;
        tenantId = tenantId == null ? "" : tenantId.strip();
        allowedServiceUrls = List.copyOf(allowedServiceUrls);
        adminUserIds = Set.copyOf(adminUserIds);
        openIdMetadataUrl = openIdMetadataUrl == null ? "" : openIdMetadataUrl.strip();
    }

    @Override
    public String toString() {
        return "TeamsProperties[enabled=" + enabled + ", appId=" + appId + ", appPassword="
                + (appPassword.isEmpty() ? "" : "******")
                + ", tenantId=" + tenantId + ", allowedServiceUrls=" + allowedServiceUrls + ", adminUserIds="
                + adminUserIds
                + ", openIdMetadataUrl=" + openIdMetadataUrl + ", maxRequestSize=" + maxRequestSize + "]";
    }
}
