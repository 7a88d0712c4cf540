package com.charterbot.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminPolicyTest {

    private static final String ENTRA_ID = "5f0c2a6e-8b1d-4c7e-9a3f-1d2e3f4a5b6c";
    private static final AdminDirectory DIRECTORY = new AdminDirectory(Set.of("U0ADMIN"), Set.of(ENTRA_ID));

    private static UserRef slack(String id) {
        return new UserRef(Platform.SLACK, "T1", id);
    }

    private static UserRef teams(String id) {
        return new UserRef(Platform.TEAMS, "tenant-1", id);
    }

    @Test
    void allowsAConfiguredSlackUser() {
        assertThat(new AdminPolicy(DIRECTORY).decide(slack("U0ADMIN"), false))
                .isEqualTo(new Decision.Allowed("configured"));
    }

    @Test
    void allowsAConfiguredTeamsUserWhateverTheCaseOfTheirObjectId() {
        AdminPolicy policy = new AdminPolicy(DIRECTORY);

        assertThat(policy.decide(teams(ENTRA_ID), false)).isEqualTo(new Decision.Allowed("configured"));
        assertThat(policy.decide(teams(ENTRA_ID.toUpperCase()), false)).isEqualTo(new Decision.Allowed("configured"));
    }

    @Test
    void configuredIdsOnlyCountOnTheirOwnPlatform() {
        AdminPolicy policy = new AdminPolicy(DIRECTORY);

        assertThat(policy.decide(teams("U0ADMIN"), false)).isInstanceOf(Decision.Denied.class);
        assertThat(policy.decide(slack(ENTRA_ID), false)).isInstanceOf(Decision.Denied.class);
    }

    @Test
    void slackIdsAreCaseSensitive() {
        assertThat(new AdminPolicy(DIRECTORY).decide(slack("u0admin"), false)).isInstanceOf(Decision.Denied.class);
    }

    @Test
    void trustsPlatformAdministratorsByDefault() {
        AdminPolicy policy = new AdminPolicy(DIRECTORY);

        assertThat(policy.decide(slack("U0OWNER"), true)).isEqualTo(new Decision.Allowed("platform"));
        assertThat(policy.decide(teams("team-owner"), true)).isEqualTo(new Decision.Allowed("platform"));
        assertThat(new AdminPolicy(AdminDirectory.DEFAULTS)
                        .decide(slack("U0OWNER"), true)
                        .allowed())
                .isTrue();
    }

    @Test
    void refusesPlatformAdministratorsWhenNotTrusted() {
        AdminPolicy policy = new AdminPolicy(new AdminDirectory(Set.of("U0ADMIN"), Set.of(), false));

        assertThat(policy.decide(slack("U0OWNER"), true)).isEqualTo(new Decision.Denied(Decision.Denied.NOT_ADMIN));
        assertThat(policy.decide(slack("U0ADMIN"), true)).isEqualTo(new Decision.Allowed("configured"));
    }

    @Test
    void aConfiguredAdministratorIsAllowedAsConfiguredEvenWhenAlsoPlatformAdmin() {
        assertThat(new AdminPolicy(DIRECTORY).decide(slack("U0ADMIN"), true))
                .isEqualTo(new Decision.Allowed("configured"));
    }

    @Test
    void refusesEveryoneElseWithAClearReasonInEnglishAndFrench() {
        Decision decision = new AdminPolicy(DIRECTORY).decide(slack("U0SOMEONE"), false);

        assertThat(decision.allowed()).isFalse();
        Decision.Denied denied = (Decision.Denied) decision;
        assertThat(denied.reason(Language.EN))
                .startsWith(
                        "Only charter administrators can change nudges, see awareness statistics or reload the charter.")
                .contains("communications team");
        assertThat(denied.reason(Language.FR))
                .startsWith(
                        "Seuls les administrateurs de la charte peuvent modifier les rappels, consulter les statistiques de sensibilisation ou recharger la charte.")
                .contains("l'équipe communication");
    }

    @Test
    void directoryCleansIdsAndRejectsBlankOnes() {
        AdminDirectory directory = new AdminDirectory(Set.of(" U0ADMIN "), Set.of("ABC-DEF"), true);

        assertThat(directory.slackUserIds()).containsExactly("U0ADMIN");
        assertThat(directory.teamsUserIds()).containsExactly("abc-def");
        assertThat(new AdminDirectory(null, null)).isEqualTo(AdminDirectory.DEFAULTS);
        assertThatThrownBy(() -> new AdminDirectory(Set.of(" "), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdminDirectory(Set.of(), Set.of("a b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decisionsValidateThemselves() {
        assertThatThrownBy(() -> new Decision.Allowed("because")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision.Denied(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
