package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelMembershipServiceTest {

    private static final NudgeSettings DEFAULTS = NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN);
    private static final NudgeSettings FRIDAY_QUIZ = new NudgeSettings(
            Frequency.WEEKLY,
            DayOfWeek.FRIDAY,
            1,
            LocalTime.of(16, 0),
            ZoneId.of("America/New_York"),
            Language.FR,
            NudgeContent.QUIZ);
    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");
    private static final ChannelRef RANDOM = new ChannelRef(Platform.SLACK, "T1", "C-RANDOM");
    private static final ChannelRef OTHER_WORKSPACE = new ChannelRef(Platform.SLACK, "T2", "C-GENERAL");
    private static final ChannelRef TEAMS_GENERAL = new ChannelRef(Platform.TEAMS, "T1", "19:general@thread.tacv2");

    private final InMemoryChannelStore channels = new InMemoryChannelStore();
    private final ChannelMembershipService membership = new ChannelMembershipService(channels, DEFAULTS);

    private ChannelState stored(ChannelRef channel) {
        return channels.find(channel).orElseThrow();
    }

    private static String text(Reply reply) {
        return reply.fallbackText();
    }

    /** A channel configured by an administrator and nudged once. */
    private ChannelState configured(ChannelRef channel, String name) {
        ChannelState state = ChannelState.of(channel, name, FRIDAY_QUIZ)
                .delivered(Instant.parse("2025-03-07T21:00:00Z"), NudgeSent.Kind.QUIZ);
        channels.save(state);
        return state;
    }

    @Nested
    class Joined {

        @Test
        void anUnknownChannelIsRegisteredWithTheDefaultsAndWelcomed() {
            Optional<Reply> welcome = membership.joined(GENERAL, " general ", Optional.empty());

            assertThat(stored(GENERAL)).isEqualTo(ChannelState.of(GENERAL, "general", DEFAULTS));
            assertThat(welcome).isPresent();
            Reply reply = welcome.get();
            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.CONVERSATION);
            assertThat(reply.blocks().get(0))
                    .isEqualTo(new Block.Heading(Messages.get(Language.EN, "nudges.welcome.heading")));
            assertThat(reply.blocks())
                    .contains(
                            new Block.Text(Messages.get(Language.EN, "nudges.welcome.ask.slack")),
                            new Block.Checklist(
                                    Messages.get(Language.EN, "commands.nudges.current"),
                                    List.of(DEFAULTS.describe(Language.EN))));
            assertThat(text(reply))
                    .contains(
                            "/charter", "@Charter", "Weekly on Monday at 10:00 (Europe/Paris)", "\"/charter nudges\"");
        }

        @Test
        void aTeamsChannelIsToldToMentionTheBot() {
            Reply reply = membership
                    .joined(TEAMS_GENERAL, "General", Optional.empty())
                    .orElseThrow();

            assertThat(reply.blocks()).contains(new Block.Text(Messages.get(Language.EN, "nudges.welcome.ask.teams")));
            assertThat(text(reply))
                    .contains("@Charter can I post this photo?", "\"@Charter nudges\"")
                    .doesNotContain("/charter");
        }

        @Test
        void theWelcomeIsInThePlatformsLanguageButTheNudgesKeepTheDefaults() {
            Reply reply = membership
                    .joined(GENERAL, "général", Optional.of(Language.FR))
                    .orElseThrow();

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0))
                    .isEqualTo(new Block.Heading("Bonjour, je suis l'assistant de la charte réseaux sociaux"));
            assertThat(text(reply)).contains(DEFAULTS.describe(Language.FR), "« /charter nudges »");
            assertThat(stored(GENERAL).settings()).isEqualTo(DEFAULTS);
        }

        @Test
        void aRepeatedJoinPostsNoSecondWelcome() {
            assertThat(membership.joined(GENERAL, "general", Optional.empty())).isPresent();

            assertThat(membership.joined(GENERAL, "general", Optional.empty())).isEmpty();
            assertThat(membership.joined(GENERAL, "", Optional.of(Language.FR))).isEmpty();
            assertThat(stored(GENERAL)).isEqualTo(ChannelState.of(GENERAL, "general", DEFAULTS));
        }

        @Test
        void aJoinOfAnActiveChannelOnlyUpdatesItsName() {
            ChannelState before = configured(GENERAL, "general");

            assertThat(membership.joined(GENERAL, "announcements", Optional.empty()))
                    .isEmpty();

            assertThat(stored(GENERAL)).isEqualTo(before.withName("announcements"));
        }

        @Test
        void leavingThenJoiningAgainResumesTheSameSettingsWithAWelcomeBack() {
            ChannelState before = configured(GENERAL, "general");
            membership.left(GENERAL);

            Optional<Reply> back = membership.joined(GENERAL, "general", Optional.empty());

            assertThat(stored(GENERAL)).isEqualTo(before);
            assertThat(back).isPresent();
            assertThat(back.get().blocks())
                    .contains(
                            new Block.Heading(Messages.get(Language.EN, "nudges.welcome.back.heading")),
                            new Block.Checklist(
                                    Messages.get(Language.EN, "commands.nudges.current"),
                                    List.of(FRIDAY_QUIZ.describe(Language.EN))));
            assertThat(back.get().blocks())
                    .doesNotContain(new Block.Heading(Messages.get(Language.EN, "nudges.welcome.heading")));
        }

        @Test
        void aJoinResumesAChannelPausedByAFailedSendAndKeepsItsNameWhenNoneIsGiven() {
            channels.save(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ).paused("channel_not_found"));

            assertThat(membership.joined(GENERAL, "  ", Optional.empty())).isPresent();

            assertThat(stored(GENERAL)).isEqualTo(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ));
        }

        @Test
        void anOverlongNameIsCut() {
            membership.joined(GENERAL, "x".repeat(10_000), Optional.empty());

            assertThat(stored(GENERAL).name()).hasSize(ChannelMembershipService.MAX_STORED_NAME);
        }
    }

    @Nested
    class LeftAndArchived {

        @Test
        void leavingPausesTheChannelWithAStableReason() {
            ChannelState before = configured(GENERAL, "general");

            membership.left(GENERAL);

            assertThat(stored(GENERAL)).isEqualTo(before.paused(ChannelMembershipService.REASON_LEFT));
            assertThat(stored(GENERAL).nextDue(java.time.Clock.systemUTC())).isEmpty();
        }

        @Test
        void archivingPausesTheChannelWithItsOwnReason() {
            configured(GENERAL, "general");

            membership.archived(GENERAL);

            assertThat(stored(GENERAL).status()).isEqualTo(ChannelState.Status.PAUSED);
            assertThat(stored(GENERAL).pauseReason()).isEqualTo(ChannelMembershipService.REASON_ARCHIVED);
        }

        @Test
        void unknownChannelsAreIgnored() {
            membership.left(GENERAL);
            membership.archived(GENERAL);
            membership.unarchived(GENERAL);
            membership.renamed(GENERAL, "general");

            assertThat(channels.all()).isEmpty();
        }

        @Test
        void unarchivingResumesAChannelPausedByTheArchive() {
            ChannelState before = configured(GENERAL, "general");
            membership.archived(GENERAL);

            membership.unarchived(GENERAL);

            assertThat(stored(GENERAL)).isEqualTo(before);
        }

        @Test
        void unarchivingResumesAChannelWhoseNudgeFailedBecauseItWasArchived() {
            // The Slack messenger pauses with Slack's own error code, which is the archive's reason.
            channels.save(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ).paused("is_archived"));

            membership.unarchived(GENERAL);

            assertThat(stored(GENERAL).status()).isEqualTo(ChannelState.Status.ACTIVE);
        }

        @Test
        void unarchivingLeavesOtherPausesAlone() {
            channels.save(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ).paused("token_revoked"));
            configured(RANDOM, "random");
            membership.left(RANDOM);

            membership.unarchived(GENERAL);
            membership.unarchived(RANDOM);

            assertThat(stored(GENERAL).pauseReason()).isEqualTo("token_revoked");
            assertThat(stored(RANDOM).pauseReason()).isEqualTo(ChannelMembershipService.REASON_LEFT);
        }

        @Test
        void unarchivingAnActiveChannelChangesNothing() {
            ChannelState before = configured(GENERAL, "general");

            membership.unarchived(GENERAL);

            assertThat(stored(GENERAL)).isEqualTo(before);
        }

        @Test
        void archivingAChannelTheBotLeftKeepsItPausedUntilTheBotIsBack() {
            configured(GENERAL, "general");
            membership.left(GENERAL);
            membership.archived(GENERAL);

            membership.unarchived(GENERAL);

            assertThat(stored(GENERAL).status()).isEqualTo(ChannelState.Status.PAUSED);
            assertThat(stored(GENERAL).pauseReason()).isEqualTo(ChannelMembershipService.REASON_LEFT);
        }

        @Test
        void leavingAnArchivedChannelRecordsThatTheBotIsGone() {
            configured(GENERAL, "general");
            membership.archived(GENERAL);

            membership.left(GENERAL);

            assertThat(stored(GENERAL).pauseReason()).isEqualTo(ChannelMembershipService.REASON_LEFT);
        }
    }

    @Nested
    class Renamed {

        @Test
        void theNewNameIsKeptWithEverythingElse() {
            ChannelState before = configured(GENERAL, "general");
            membership.left(GENERAL);

            membership.renamed(GENERAL, "town-square");

            assertThat(stored(GENERAL))
                    .isEqualTo(
                            before.paused(ChannelMembershipService.REASON_LEFT).withName("town-square"));
        }

        @Test
        void aBlankNameIsIgnored() {
            ChannelState before = configured(GENERAL, "general");

            membership.renamed(GENERAL, " ");

            assertThat(stored(GENERAL)).isEqualTo(before);
        }
    }

    @Nested
    class Uninstalled {

        @Test
        void pausesEveryActiveChannelOfThatTenantOnlyAndKeepsTheirSettings() {
            ChannelState general = configured(GENERAL, "general");
            ChannelState random = configured(RANDOM, "random");
            ChannelState elsewhere = configured(OTHER_WORKSPACE, "general");
            ChannelState teams = configured(TEAMS_GENERAL, "General");

            int paused = membership.uninstalled(Platform.SLACK, "T1");

            assertThat(paused).isEqualTo(2);
            assertThat(stored(GENERAL).status()).isEqualTo(ChannelState.Status.PAUSED);
            assertThat(stored(GENERAL).pauseReason()).isEqualTo(ChannelMembershipService.REASON_UNINSTALLED);
            assertThat(stored(GENERAL).settings()).isEqualTo(general.settings());
            assertThat(stored(RANDOM).status()).isEqualTo(ChannelState.Status.PAUSED);
            assertThat(stored(RANDOM).settings()).isEqualTo(random.settings());
            assertThat(stored(OTHER_WORKSPACE)).isEqualTo(elsewhere);
            assertThat(stored(TEAMS_GENERAL)).isEqualTo(teams);
        }

        @Test
        void anUnknownTenantPausesNothing() {
            ChannelState general = configured(GENERAL, "general");

            assertThat(membership.uninstalled(Platform.TEAMS, "T1")).isZero();
            assertThat(membership.uninstalled(Platform.SLACK, "t1")).isZero();
            assertThat(stored(GENERAL)).isEqualTo(general);
        }

        @Test
        void aChannelJoinedAgainAfterAnUninstallResumesWithItsSettingsAndAWelcome() {
            ChannelState general = configured(GENERAL, "general");
            membership.uninstalled(Platform.SLACK, "T1");

            Optional<Reply> welcome = membership.joined(GENERAL, "general", Optional.empty());

            assertThat(welcome).isPresent();
            assertThat(stored(GENERAL).status()).isEqualTo(ChannelState.Status.ACTIVE);
            assertThat(stored(GENERAL).settings()).isEqualTo(general.settings());
        }

        @Test
        void anUninstallReadsAsASentenceForAdministrators() {
            assertThat(ChannelLabels.pauseReason(ChannelMembershipService.REASON_UNINSTALLED, Language.FR))
                    .isEqualTo("l'application a été désinstallée de l'espace de travail");
        }
    }

    @Test
    void pauseReasonsReadAsSentencesForAdministrators() {
        assertThat(ChannelLabels.pauseReason(ChannelMembershipService.REASON_LEFT, Language.EN))
                .isEqualTo("the bot was removed from the channel");
        assertThat(ChannelLabels.pauseReason(ChannelMembershipService.REASON_ARCHIVED, Language.FR))
                .isEqualTo("le canal a été archivé");
        assertThat(ChannelLabels.pauseReason("token_revoked", Language.FR))
                .isEqualTo("l'accès du bot à l'espace de travail a été révoqué");
        assertThat(ChannelLabels.pauseReason("no adapter for TEAMS", Language.EN))
                .isEqualTo("no adapter for TEAMS");
        assertThat(ChannelLabels.pauseReason("", Language.EN))
                .isEqualTo(Messages.get(Language.EN, "nudges.paused.unknown"));
    }

    @Test
    void channelsReadWithTheirPlatformsConventions() {
        assertThat(ChannelLabels.name(GENERAL, "general")).isEqualTo("#general");
        assertThat(ChannelLabels.name(TEAMS_GENERAL, "General")).isEqualTo("General");
        assertThat(ChannelLabels.name(GENERAL, "")).isEqualTo("C-GENERAL");
        assertThat(ChannelLabels.name(GENERAL, "y".repeat(500)))
                .hasSize(ChannelLabels.MAX_NAME + 1)
                .endsWith("…");
    }
}
