package com.charterbot.core.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.answer.AnswerEngine;
import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.memory.InMemoryPhrasingCandidates;
import com.charterbot.core.memory.InMemoryQuizProgressStore;
import com.charterbot.core.nudge.ChannelMembershipService;
import com.charterbot.core.nudge.ChannelState;
import com.charterbot.core.nudge.NudgeSettings;
import com.charterbot.core.phrasing.PhrasingReview;
import com.charterbot.core.quiz.CardState;
import com.charterbot.core.quiz.QuizBank;
import com.charterbot.core.reply.ActionIds;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Button;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.reply.TaggedValue;
import com.charterbot.core.values.ActionEvent;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HomeServiceTest {

    /** Monday 10 March 2025, 10:30 in Paris. */
    private static final Instant NOW = Instant.parse("2025-03-10T09:30:00Z");

    private static final NudgeSettings DEFAULTS = NudgeSettings.defaults(ZoneId.of("Europe/Paris"), Language.EN);
    private static final Charter CHARTER = bundled();

    private static final UserRef ADMIN = new UserRef(Platform.SLACK, "T1", "U-ADMIN");
    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U-ALICE");
    private static final UserRef TEAMS_OWNER = new UserRef(Platform.TEAMS, "tenant-1", "aad-owner");

    private static final String PHOTOS = "photos-videos";
    private static final String MEDIA = "media-inquiries";
    private static final String CONFIDENTIAL = "confidential-information";
    private static final String SCOPE = "scope";

    private final InMemoryQuizProgressStore progress = new InMemoryQuizProgressStore();
    private final InMemoryChannelStore channels = new InMemoryChannelStore();
    private final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    private final AdminActions admin = new AdminActions(
            new AdminPolicy(new AdminDirectory(Set.of(ADMIN.userId()), Set.of())),
            new InMemoryAuditLog(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final HomeService home = new HomeService(
            () -> CHARTER, progress, channels, admin, languages, Language.EN, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Charter bundled() {
        LoadResult result = CharterLoader.load(CharterFiles.defaults(), CharterSettings.DEFAULTS);
        if (result instanceof LoadResult.Loaded loaded) {
            return loaded.charter();
        }
        throw new IllegalStateException("the bundled charter should load: " + result);
    }

    private static String msg(Language language, String key, Object... arguments) {
        return Messages.get(language, key, arguments);
    }

    private static String title(String sectionId, Language language) {
        return CHARTER.section(sectionId, language).orElseThrow().title();
    }

    private static <T extends Block> List<T> blocks(Reply reply, Class<T> type) {
        return reply.blocks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Button> buttons(Reply reply, String actionId) {
        return reply.blocks().stream()
                .flatMap(block -> block instanceof Block.Buttons row
                        ? row.buttons().stream()
                        : block instanceof Block.Suggestions suggestions
                                ? suggestions.buttons().stream()
                                : java.util.stream.Stream.empty())
                .filter(button -> button.actionId().equals(actionId))
                .toList();
    }

    private void card(UserRef user, String sectionId, int index, int box, Duration dueIn, int seen, int correct) {
        String id = QuizBank.id(sectionId, index);
        assertThat(QuizBank.of(CHARTER).contains(id))
                .as(id + " is in the bundled charter")
                .isTrue();
        progress.save(user, id, new CardState(box, NOW.plus(dueIn), seen, correct));
    }

    /** Photos missed three times, media once from box 1, confidential once from box 2, scope never; plus a vanished question. */
    private void aliceWithMisses() {
        card(ALICE, PHOTOS, 0, 1, Duration.ofHours(-1), 3, 1);
        card(ALICE, PHOTOS, 1, 1, Duration.ofHours(1), 2, 1);
        card(ALICE, CONFIDENTIAL, 0, 2, Duration.ofDays(3), 2, 1);
        card(ALICE, MEDIA, 0, 1, Duration.ofMinutes(-1), 1, 0);
        card(ALICE, SCOPE, 0, 3, Duration.ofDays(7), 3, 3);
        progress.save(ALICE, "withdrawn-section#0", new CardState(1, NOW.minusSeconds(60), 9, 0));
    }

    @Nested
    class Learner {

        @Test
        void someoneNewIsEncouragedToTakeAFirstQuiz() {
            Reply reply = home.home(ALICE, false, Optional.empty());

            assertThat(reply.language()).isEqualTo(Language.EN);
            assertThat(reply.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(reply.blocks())
                    .containsExactly(
                            new Block.Heading(msg(Language.EN, "commands.home.heading")),
                            new Block.Text(msg(Language.EN, "commands.home.new")),
                            new Block.Buttons(List.of(new Button(
                                    ActionIds.QUIZ_START,
                                    "",
                                    msg(Language.EN, "commands.quiz.start"),
                                    Button.Style.PRIMARY))));
        }

        @Test
        void someoneWhoseOnlyQuestionsLeftTheCharterCountsAsNew() {
            progress.save(ALICE, "withdrawn-section#0", new CardState(1, NOW, 2, 0));

            Reply reply = home.home(ALICE, false, Optional.empty());

            assertThat(reply.blocks()).contains(new Block.Text(msg(Language.EN, "commands.home.new")));
            assertThat(blocks(reply, Block.Suggestions.class)).isEmpty();
        }

        @Test
        void progressCountsPractisedQuestionsRightAnswersAndReviewsDueNow() {
            aliceWithMisses();

            Reply reply = home.home(ALICE, false, Optional.empty());

            // 5 questions still in the charter; 6 right out of 11 answers; photos #0 and media #0 are due.
            assertThat(blocks(reply, Block.Checklist.class))
                    .containsExactly(new Block.Checklist(
                            msg(Language.EN, "commands.home.progress"),
                            List.of(
                                    "Questions practised: 5",
                                    "Right answers: 55% (6 of 11)",
                                    "Due for review now: 2")));
            assertThat(reply.blocks()).doesNotContain(new Block.Text(msg(Language.EN, "commands.home.new")));
        }

        @Test
        void weakestTopicsComeMostMissedFirstThenLowestBoxAndOpenTheirSection() {
            aliceWithMisses();

            Reply reply = home.home(ALICE, false, Optional.empty());

            Block.Suggestions weakest = blocks(reply, Block.Suggestions.class).get(0);
            assertThat(weakest.label()).isEqualTo(msg(Language.EN, "commands.home.weakest"));
            assertThat(weakest.buttons())
                    .containsExactly(
                            Button.of(ActionIds.OPEN_SECTION, PHOTOS, title(PHOTOS, Language.EN)),
                            Button.of(ActionIds.OPEN_SECTION, MEDIA, title(MEDIA, Language.EN)),
                            Button.of(ActionIds.OPEN_SECTION, CONFIDENTIAL, title(CONFIDENTIAL, Language.EN)));
        }

        @Test
        void atMostThreeTopicsAreOffered() {
            aliceWithMisses();
            card(ALICE, "recruitment", 0, 1, Duration.ofDays(1), 1, 0);

            Reply reply = home.home(ALICE, false, Optional.empty());

            assertThat(buttons(reply, ActionIds.OPEN_SECTION))
                    .hasSize(HomeService.WEAK_TOPICS)
                    .extracting(Button::value)
                    .doesNotContain(SCOPE);
        }

        @Test
        void someoneWithEveryAnswerRightIsCongratulatedAndOfferedNoTopic() {
            card(ALICE, SCOPE, 0, 2, Duration.ofDays(3), 2, 2);

            Reply reply = home.home(ALICE, false, Optional.empty());

            assertThat(blocks(reply, Block.Suggestions.class)).isEmpty();
            assertThat(reply.blocks()).contains(new Block.Text(msg(Language.EN, "commands.home.all-right")));
            assertThat(buttons(reply, ActionIds.QUIZ_START)).hasSize(1);
        }

        @Test
        void theQuizButtonComesAfterTheProgress() {
            aliceWithMisses();

            Reply reply = home.home(ALICE, false, Optional.empty());

            Block last = reply.blocks().get(reply.blocks().size() - 1);
            assertThat(last)
                    .isEqualTo(new Block.Buttons(List.of(new Button(
                            ActionIds.QUIZ_START, "", msg(Language.EN, "commands.quiz.start"), Button.Style.PRIMARY))));
        }
    }

    @Nested
    class Languages {

        @Test
        void thePersonsChoiceComesFirstAndEverythingIsFrench() {
            aliceWithMisses();
            languages.save(ALICE, Language.FR);

            Reply reply = home.home(ALICE, false, Optional.of(Language.EN));

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks().get(0)).isEqualTo(new Block.Heading("Votre espace charte"));
            assertThat(blocks(reply, Block.Checklist.class).get(0).items())
                    .containsExactly(
                            "Questions travaillées : 5",
                            "Bonnes réponses : 55 % (6 sur 11)",
                            "À revoir dès maintenant : 2");
            assertThat(buttons(reply, ActionIds.OPEN_SECTION).get(0))
                    .isEqualTo(Button.of(ActionIds.OPEN_SECTION, PHOTOS, "Photos et vidéos au travail"));
            assertThat(buttons(reply, ActionIds.QUIZ_START).get(0).label()).isEqualTo("Lancer un quiz");
        }

        @Test
        void thePlatformsLanguageComesNext() {
            assertThat(home.home(ALICE, false, Optional.of(Language.FR)).language())
                    .isEqualTo(Language.FR);
        }

        @Test
        void theConfiguredDefaultComesLast() {
            HomeService french = new HomeService(
                    () -> CHARTER, progress, channels, admin, languages, Language.FR, Clock.fixed(NOW, ZoneOffset.UTC));

            Reply reply = french.home(ALICE, false, Optional.empty());

            assertThat(reply.language()).isEqualTo(Language.FR);
            assertThat(reply.blocks()).contains(new Block.Text(msg(Language.FR, "commands.home.new")));
        }
    }

    @Nested
    class Administrator {

        private final ChannelRef general = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");
        private final ChannelRef announcements = new ChannelRef(Platform.SLACK, "T1", "C-ANNOUNCE");
        private final ChannelRef unnamed = new ChannelRef(Platform.SLACK, "T1", "C-ZZZ");
        private final ChannelRef otherWorkspace = new ChannelRef(Platform.SLACK, "T2", "C-SECRET");
        private final ChannelRef teamsSameTenantId = new ChannelRef(Platform.TEAMS, "T1", "19:teams@thread");

        private void someChannels() {
            channels.save(ChannelState.of(general, "general", DEFAULTS));
            channels.save(ChannelState.of(announcements, "Announcements", DEFAULTS)
                    .paused(ChannelMembershipService.REASON_ARCHIVED));
            channels.save(ChannelState.of(unnamed, "", DEFAULTS));
            channels.save(ChannelState.of(otherWorkspace, "secret-project", DEFAULTS));
            channels.save(ChannelState.of(teamsSameTenantId, "Teams general", DEFAULTS));
        }

        private static List<Block> afterChannelsHeading(Reply reply) {
            int heading = reply.blocks().indexOf(new Block.Heading(msg(reply.language(), "commands.home.channels")));
            assertThat(heading).as("channels heading").isNotNegative();
            return reply.blocks().subList(heading + 1, reply.blocks().size());
        }

        @Test
        void listsOnlyTheChannelsOfTheirOwnWorkspaceSortedByName() {
            someChannels();

            Reply reply = home.home(ADMIN, false, Optional.empty());

            List<Block> list = afterChannelsHeading(reply);
            assertThat(list).hasSize(6);
            assertThat(((Block.Text) list.get(0)).text()).startsWith("#Announcements: ");
            assertThat(((Block.Text) list.get(2)).text()).startsWith("#general: ");
            assertThat(((Block.Text) list.get(4)).text()).startsWith("C-ZZZ: ");
            assertThat(buttons(reply, ActionIds.NUDGES_EDIT))
                    .extracting(Button::value)
                    .containsExactly("C-ANNOUNCE", "C-GENERAL", "C-ZZZ");
            assertThat(buttons(reply, ActionIds.NUDGES_EDIT))
                    .extracting(Button::label)
                    .containsOnly("Change nudges");
            assertThat(reply.fallbackText()).doesNotContain("secret-project", "Teams general");
        }

        @Test
        void eachChannelSaysItsNudgesAndWhenTheNextOneIsDueOrWhyTheyArePaused() {
            someChannels();

            List<Block> list = afterChannelsHeading(home.home(ADMIN, false, Optional.empty()));

            String paused = ((Block.Text) list.get(0)).text();
            assertThat(paused)
                    .isEqualTo(msg(
                            Language.EN,
                            "commands.home.channel.paused",
                            "#Announcements",
                            DEFAULTS.describe(Language.EN),
                            "the channel was archived"));
            String active = ((Block.Text) list.get(2)).text();
            assertThat(active)
                    .startsWith("#general: " + DEFAULTS.describe(Language.EN) + " Next nudge: Monday, March 17, 2025");
        }

        @Test
        void aChannelWithNudgesOffSaysSo() {
            channels.save(ChannelState.of(
                    general, "general", DEFAULTS.withFrequency(com.charterbot.core.nudge.Frequency.OFF)));

            List<Block> list = afterChannelsHeading(home.home(ADMIN, false, Optional.empty()));

            assertThat(list.get(0)).isEqualTo(new Block.Text("#general: " + msg(Language.EN, "nudges.describe.off")));
        }

        @Test
        void theChannelListIsInFrenchForAFrenchAdministrator() {
            someChannels();
            languages.save(ADMIN, Language.FR);

            Reply reply = home.home(ADMIN, false, Optional.empty());

            List<Block> list = afterChannelsHeading(reply);
            assertThat(((Block.Text) list.get(0)).text())
                    .isEqualTo("#Announcements : " + DEFAULTS.describe(Language.FR)
                            + " Rappels suspendus : le canal a été archivé.");
            assertThat(((Block.Text) list.get(2)).text()).contains("Prochain rappel : lundi 17 mars 2025");
            assertThat(buttons(reply, ActionIds.NUDGES_EDIT).get(0).label()).isEqualTo("Modifier les rappels");
        }

        @Test
        void aTrustedPlatformAdministratorSeesTheChannelsOfTheirTenant() {
            someChannels();
            ChannelRef teams = new ChannelRef(Platform.TEAMS, "tenant-1", "19:general@thread");
            channels.save(ChannelState.of(teams, "General", DEFAULTS));

            Reply reply = home.home(TEAMS_OWNER, true, Optional.empty());

            assertThat(buttons(reply, ActionIds.NUDGES_EDIT))
                    .extracting(Button::value)
                    .containsExactly("19:general@thread");
            assertThat(((Block.Text) afterChannelsHeading(reply).get(0)).text()).startsWith("General: ");
        }

        @Test
        void withoutAnyChannelTheyAreToldToInviteTheBot() {
            channels.save(ChannelState.of(otherWorkspace, "secret-project", DEFAULTS));

            assertThat(afterChannelsHeading(home.home(ADMIN, false, Optional.empty())))
                    .containsExactly(new Block.Text(msg(Language.EN, "commands.home.channels.none.slack")));
            assertThat(afterChannelsHeading(home.home(TEAMS_OWNER, true, Optional.empty())))
                    .containsExactly(new Block.Text(msg(Language.EN, "commands.home.channels.none.teams")));
        }

        @Test
        void showsAtMostTwentyChannelsAndCountsTheOthers() {
            IntStream.rangeClosed(1, 25)
                    .forEach(n -> channels.save(ChannelState.of(
                            new ChannelRef(Platform.SLACK, "T1", "C" + n),
                            String.format("channel-%02d", n),
                            DEFAULTS)));

            Reply reply = home.home(ADMIN, false, Optional.empty());

            assertThat(buttons(reply, ActionIds.NUDGES_EDIT))
                    .hasSize(HomeService.MAX_CHANNELS)
                    .extracting(Button::value)
                    .startsWith("C1", "C2")
                    .endsWith("C20");
            List<Block> list = afterChannelsHeading(reply);
            assertThat(list).hasSize(2 * HomeService.MAX_CHANNELS + 1);
            assertThat(list.get(list.size() - 1))
                    .isEqualTo(new Block.Context(msg(Language.EN, "commands.home.channels.more", 5)));
            assertThat(reply.blocks().size()).isLessThanOrEqualTo(50);
        }

        @Test
        void someoneWhoIsNotAnAdministratorSeesNoChannel() {
            someChannels();

            Reply reply = home.home(ALICE, false, Optional.empty());

            assertThat(reply.blocks()).doesNotContain(new Block.Heading(msg(Language.EN, "commands.home.channels")));
            assertThat(buttons(reply, ActionIds.NUDGES_EDIT)).isEmpty();
            assertThat(reply.fallbackText()).doesNotContain("#general");
        }

        @Test
        void anAdministratorAlsoSeesTheirOwnProgress() {
            someChannels();
            card(ADMIN, PHOTOS, 0, 1, Duration.ofHours(-1), 1, 0);

            Reply reply = home.home(ADMIN, false, Optional.empty());

            assertThat(buttons(reply, ActionIds.OPEN_SECTION))
                    .extracting(Button::value)
                    .containsExactly(PHOTOS);
            assertThat(buttons(reply, ActionIds.QUIZ_START)).hasSize(1);
        }
    }

    @Nested
    class SuggestedPhrasings {

        private final InMemoryPhrasingCandidates candidates = new InMemoryPhrasingCandidates();
        private final PhrasingReview review = new PhrasingReview(
                new AnswerEngine(CHARTER, Language.EN),
                candidates,
                admin,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(30));
        private final HomeService reviewing = new HomeService(
                () -> CHARTER,
                progress,
                channels,
                admin,
                languages,
                Language.EN,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Optional.of(review));

        /** Seen {@code times} times, a minute apart from the others so that ties are broken by the last sighting. */
        private long seen(String text, String sectionId, int times) {
            for (int i = 0; i < times; i++) {
                candidates.seen(
                        text,
                        sectionId,
                        Language.EN,
                        NOW.minusSeconds(60L * candidates.pending(100).size() + i));
            }
            return candidates.pending(100).stream()
                    .filter(c -> c.text().equals(text))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }

        private static List<Block> afterPhrasingsHeading(Reply reply) {
            int heading = reply.blocks().indexOf(new Block.Heading(msg(reply.language(), "phrasings.title")));
            assertThat(heading).as("suggested phrasings heading").isNotNegative();
            return reply.blocks().subList(heading + 1, reply.blocks().size());
        }

        @Test
        void anAdministratorSeesTheMostSeenCandidatesAfterTheChannelsEachWithApproveRejectAndMove() {
            long selfie = seen("can I post a selfie at my desk?", PHOTOS, 3);
            long journalist = seen("a journalist called me, what do I say?", MEDIA, 2);
            for (int n = 0; n < 4; n++) {
                seen("once-seen question " + n, SCOPE, 1);
            }

            Reply reply = reviewing.home(ADMIN, false, Optional.empty());

            assertThat(reply.blocks().indexOf(new Block.Heading(msg(Language.EN, "phrasings.title"))))
                    .isGreaterThan(
                            reply.blocks().indexOf(new Block.Heading(msg(Language.EN, "commands.home.channels"))));
            List<Block> part = afterPhrasingsHeading(reply);
            assertThat(part.get(0)).isEqualTo(new Block.Context(msg(Language.EN, "phrasings.intro")));
            assertThat(part.get(1))
                    .isEqualTo(new Block.Quoted(
                            msg(Language.EN, "phrasings.item", title(PHOTOS, Language.EN), 3, "English"),
                            List.of("“can I post a selfie at my desk?”")));
            assertThat(part.get(2))
                    .isEqualTo(new Block.Buttons(List.of(
                            new Button(ActionIds.PHRASING_APPROVE, "en~" + selfie, "Approve", Button.Style.PRIMARY),
                            Button.of(ActionIds.PHRASING_REJECT, "en~" + selfie, "Reject"),
                            Button.of(ActionIds.PHRASING_MOVE, "en~" + selfie, "Move to section…"))));
            assertThat(buttons(reply, ActionIds.PHRASING_APPROVE))
                    .hasSize(PhrasingReview.SHOWN)
                    .extracting(Button::value)
                    .startsWith("en~" + selfie, "en~" + journalist);
            assertThat(part).hasSize(1 + 2 * PhrasingReview.SHOWN);
            assertThat(reply.fallbackText()).contains("once-seen question 0").doesNotContain("once-seen question 3");
        }

        @Test
        void theBlockIsInFrenchForAFrenchAdministrator() {
            long selfie = seen("can I post a selfie at my desk?", PHOTOS, 3);
            languages.save(ADMIN, Language.FR);

            List<Block> part = afterPhrasingsHeading(reviewing.home(ADMIN, false, Optional.empty()));

            assertThat(part.get(0))
                    .isEqualTo(
                            new Block.Context(
                                    "De vraies questions posées, avec la section choisie ou indiquée par un expert. "
                                            + "Les formulations approuvées aident le bot à répondre d'emblée à ces questions."));
            // The section as the candidate's language names it: an English question belongs to the English section.
            assertThat(((Block.Quoted) part.get(1)).label())
                    .isEqualTo("Pour « " + title(PHOTOS, Language.EN) + " » (vue 3 fois, en anglais) :");
            assertThat(((Block.Quoted) part.get(1)).quotes()).containsExactly("« can I post a selfie at my desk? »");
            assertThat(((Block.Buttons) part.get(2)).buttons())
                    .containsExactly(
                            new Button(ActionIds.PHRASING_APPROVE, "fr~" + selfie, "Approuver", Button.Style.PRIMARY),
                            Button.of(ActionIds.PHRASING_REJECT, "fr~" + selfie, "Rejeter"),
                            Button.of(ActionIds.PHRASING_MOVE, "fr~" + selfie, "Déplacer vers une section…"));
        }

        @Test
        void withoutCandidatesALineSaysThereIsNoneInTheirLanguage() {
            assertThat(afterPhrasingsHeading(reviewing.home(ADMIN, false, Optional.empty())))
                    .containsExactly(new Block.Text(msg(Language.EN, "phrasings.none")));

            Reply french = reviewing.home(ADMIN, false, Optional.of(Language.FR));

            assertThat(french.blocks()).contains(new Block.Heading("Formulations suggérées"));
            assertThat(afterPhrasingsHeading(french))
                    .containsExactly(new Block.Text("Aucune formulation à examiner : les vraies questions "
                            + "apparaîtront ici dès que des personnes leur auront choisi une section."));
        }

        @Test
        void aTrustedPlatformAdministratorSeesThemToo() {
            seen("can I post a selfie at my desk?", PHOTOS, 1);

            assertThat(buttons(reviewing.home(TEAMS_OWNER, true, Optional.empty()), ActionIds.PHRASING_APPROVE))
                    .hasSize(1);
        }

        @Test
        void someoneWhoIsNotAnAdministratorSeesNoPhrasing() {
            seen("can I post a selfie at my desk?", PHOTOS, 3);

            Reply reply = reviewing.home(ALICE, false, Optional.empty());

            assertThat(reply.blocks()).doesNotContain(new Block.Heading(msg(Language.EN, "phrasings.title")));
            assertThat(reply.fallbackText()).doesNotContain("selfie");
            assertThat(reply.blocks())
                    .flatMap(block -> block instanceof Block.Buttons row ? row.buttons() : List.of())
                    .extracting(Button::actionId)
                    .noneMatch(id -> id.startsWith("charter.phrasing."));
        }

        @Test
        void withoutPhrasingReviewAnAdministratorSeesNoPhrasing() {
            seen("can I post a selfie at my desk?", PHOTOS, 3);

            Reply reply = home.home(ADMIN, false, Optional.empty());

            assertThat(reply.blocks()).doesNotContain(new Block.Heading(msg(Language.EN, "phrasings.title")));
            assertThat(buttons(reply, ActionIds.PHRASING_APPROVE)).isEmpty();
        }

        @Test
        void theHomesApproveValueDecidesThatCandidateAndTheNextPageNoLongerShowsIt() {
            long selfie = seen("can I post a selfie at my desk?", PHOTOS, 3);
            long journalist = seen("a journalist called me, what do I say?", MEDIA, 2);
            Button approve = buttons(reviewing.home(ADMIN, false, Optional.empty()), ActionIds.PHRASING_APPROVE)
                    .get(0);
            TaggedValue clicked = TaggedValue.read(approve.value());

            review.act(
                            new ActionEvent(
                                    ADMIN,
                                    new ChannelRef(Platform.SLACK, "T1", ADMIN.userId()),
                                    approve.actionId(),
                                    approve.value(),
                                    false,
                                    clicked.language()),
                            clicked.value(),
                            clicked.language().orElseThrow())
                    .orElseThrow();

            assertThat(candidates.find(selfie).orElseThrow().status())
                    .isEqualTo(com.charterbot.core.phrasing.Candidate.Status.APPROVED);
            assertThat(buttons(reviewing.home(ADMIN, false, Optional.empty()), ActionIds.PHRASING_APPROVE))
                    .extracting(Button::value)
                    .containsExactly("en~" + journalist);
        }
    }
}
