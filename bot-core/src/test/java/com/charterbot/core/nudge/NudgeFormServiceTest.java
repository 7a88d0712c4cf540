package com.charterbot.core.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.activity.NudgeSent;
import com.charterbot.core.admin.AdminActions;
import com.charterbot.core.admin.AdminDirectory;
import com.charterbot.core.admin.AdminPolicy;
import com.charterbot.core.admin.AuditRecord;
import com.charterbot.core.admin.Decision;
import com.charterbot.core.i18n.Messages;
import com.charterbot.core.memory.InMemoryAuditLog;
import com.charterbot.core.memory.InMemoryChannelStore;
import com.charterbot.core.memory.InMemoryLanguagePreferences;
import com.charterbot.core.reply.Block;
import com.charterbot.core.reply.Reply;
import com.charterbot.core.values.ChannelRef;
import com.charterbot.core.values.Language;
import com.charterbot.core.values.Platform;
import com.charterbot.core.values.UserRef;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NudgeFormServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:30:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final NudgeSettings DEFAULTS = NudgeSettings.defaults(PARIS, Language.EN);
    private static final UserRef ADMIN = new UserRef(Platform.SLACK, "T1", "U-ADMIN");
    private static final UserRef ALICE = new UserRef(Platform.SLACK, "T1", "U-ALICE");
    private static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "T1", "C-GENERAL");

    private final InMemoryChannelStore channels = new InMemoryChannelStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    private final NudgeFormService forms = new NudgeFormService(
            channels,
            new AdminActions(
                    new AdminPolicy(new AdminDirectory(Set.of(ADMIN.userId()), Set.of())),
                    audit,
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            languages,
            DEFAULTS,
            Language.EN);

    /** What a form for Friday quizzes at 16:00 in New York, in French, sends back. */
    private static Map<String, String> fridayQuiz() {
        Map<String, String> values = new HashMap<>();
        values.put(NudgeForm.FREQUENCY, "WEEKLY");
        values.put(NudgeForm.WEEKDAY, "FRIDAY");
        values.put(NudgeForm.DAY_OF_MONTH, "15");
        values.put(NudgeForm.TIME, "16:00");
        values.put(NudgeForm.ZONE, "America/New_York");
        values.put(NudgeForm.LANGUAGE, "fr");
        values.put(NudgeForm.CONTENT, "QUIZ");
        return values;
    }

    private static final NudgeSettings FRIDAY_QUIZ = new NudgeSettings(
            Frequency.WEEKLY,
            DayOfWeek.FRIDAY,
            15,
            LocalTime.of(16, 0),
            ZoneId.of("America/New_York"),
            Language.FR,
            NudgeContent.QUIZ);

    private static Map<String, String> with(Map<String, String> values, String field, String value) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(field, value);
        return changed;
    }

    private static NudgeForm.Field field(NudgeForm form, String id) {
        return form.fields().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, String> valuesOf(NudgeForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.fields().forEach(f -> values.put(f.id(), f.value()));
        return values;
    }

    private NudgeFormOutcome submit(UserRef user, Map<String, String> values) {
        return forms.submit(user, false, GENERAL, values, Optional.empty());
    }

    @Nested
    class Open {

        @Test
        void isDeniedToSomeoneWhoIsNotAnAdministrator() {
            NudgeFormOutcome outcome = forms.open(ALICE, false, GENERAL, Optional.of(Language.FR));

            assertThat(outcome)
                    .isEqualTo(new NudgeFormOutcome.Denied(
                            new Decision.Denied(Decision.Denied.NOT_ADMIN).reason(Language.FR)));
        }

        @Test
        void isOpenToAPlatformAdministrator() {
            assertThat(forms.open(ALICE, true, GENERAL, Optional.empty())).isInstanceOf(NudgeFormOutcome.Form.class);
        }

        @Test
        void anUnknownChannelShowsTheDefaultsWithItsIdAsTitle() {
            NudgeForm form = ((NudgeFormOutcome.Form) forms.open(ADMIN, false, GENERAL, Optional.empty())).form();

            assertThat(form.channel()).isEqualTo(GENERAL);
            assertThat(form.language()).isEqualTo(Language.EN);
            assertThat(form.title()).isEqualTo("Nudges in C-GENERAL");
            assertThat(form.submitLabel()).isEqualTo("Save");
            assertThat(form.cancelLabel()).isEqualTo("Cancel");
            assertThat(form.fields())
                    .extracting(NudgeForm.Field::id)
                    .containsExactly(
                            NudgeForm.FREQUENCY,
                            NudgeForm.WEEKDAY,
                            NudgeForm.DAY_OF_MONTH,
                            NudgeForm.TIME,
                            NudgeForm.ZONE,
                            NudgeForm.LANGUAGE,
                            NudgeForm.CONTENT);
            assertThat(valuesOf(form))
                    .containsExactly(
                            Map.entry(NudgeForm.FREQUENCY, "WEEKLY"),
                            Map.entry(NudgeForm.WEEKDAY, "MONDAY"),
                            Map.entry(NudgeForm.DAY_OF_MONTH, "1"),
                            Map.entry(NudgeForm.TIME, "10:00"),
                            Map.entry(NudgeForm.ZONE, "Europe/Paris"),
                            Map.entry(NudgeForm.LANGUAGE, "en"),
                            Map.entry(NudgeForm.CONTENT, "ALTERNATE"));
            assertThat(channels.all()).as("opening registers nothing").isEmpty();
        }

        @Test
        void aKnownChannelShowsItsOwnSettingsAndName() {
            channels.save(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ));

            NudgeForm form = ((NudgeFormOutcome.Form) forms.open(ADMIN, false, GENERAL, Optional.empty())).form();

            assertThat(form.title()).isEqualTo("Nudges in #general");
            assertThat(valuesOf(form)).isEqualTo(fridayQuiz());
        }

        @Test
        void fieldsOfferEveryOptionWithLabelsAndLimits() {
            NudgeForm form = ((NudgeFormOutcome.Form) forms.open(ADMIN, false, GENERAL, Optional.empty())).form();

            NudgeForm.Field frequency = field(form, NudgeForm.FREQUENCY);
            assertThat(frequency.kind()).isEqualTo(NudgeForm.Kind.CHOICE);
            assertThat(frequency.options())
                    .extracting(NudgeForm.Option::value)
                    .containsExactly("OFF", "DAILY_WORKDAYS", "WEEKLY", "BIWEEKLY", "MONTHLY");
            assertThat(frequency.options())
                    .extracting(NudgeForm.Option::label)
                    .contains("Every other week")
                    .doesNotHaveDuplicates();
            assertThat(field(form, NudgeForm.WEEKDAY).options())
                    .extracting(NudgeForm.Option::label)
                    .containsExactly("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
            assertThat(field(form, NudgeForm.DAY_OF_MONTH).options())
                    .hasSize(31)
                    .first()
                    .isEqualTo(new NudgeForm.Option("1", "1"));
            NudgeForm.Field time = field(form, NudgeForm.TIME);
            assertThat(time.kind()).isEqualTo(NudgeForm.Kind.TEXT);
            assertThat(time.maxLength()).isEqualTo(5);
            assertThat(time.hint()).contains("HH:mm");
            NudgeForm.Field zone = field(form, NudgeForm.ZONE);
            assertThat(zone.maxLength()).isEqualTo(64);
            assertThat(zone.hint()).contains("Europe/Paris");
            assertThat(field(form, NudgeForm.LANGUAGE).options())
                    .containsExactly(new NudgeForm.Option("en", "English"), new NudgeForm.Option("fr", "French"));
            assertThat(field(form, NudgeForm.CONTENT).options())
                    .extracting(NudgeForm.Option::value)
                    .containsExactly("TIPS", "QUIZ", "ALTERNATE");
        }

        @Test
        void isInTheLanguageThePersonChoseBeforeThePlatformsOne() {
            languages.save(ADMIN, Language.FR);
            channels.save(ChannelState.of(GENERAL, "général", DEFAULTS));

            NudgeForm form =
                    ((NudgeFormOutcome.Form) forms.open(ADMIN, false, GENERAL, Optional.of(Language.EN))).form();

            assertThat(form.language()).isEqualTo(Language.FR);
            assertThat(form.title()).isEqualTo("Rappels dans #général");
            assertThat(form.submitLabel()).isEqualTo("Enregistrer");
            assertThat(field(form, NudgeForm.WEEKDAY).options())
                    .extracting(NudgeForm.Option::label)
                    .startsWith("Lundi", "Mardi");
            assertThat(field(form, NudgeForm.LANGUAGE).options())
                    .extracting(NudgeForm.Option::label)
                    .containsExactly("Anglais", "Français");
            assertThat(field(form, NudgeForm.FREQUENCY).label()).isEqualTo("Fréquence");
        }
    }

    @Nested
    class Submit {

        @Test
        void savesTheSettingsAuditsTheChangeAndConfirmsPrivately() {
            channels.save(ChannelState.of(GENERAL, "general", DEFAULTS));

            NudgeFormOutcome outcome = submit(ADMIN, fridayQuiz());

            NudgeFormOutcome.Saved saved = (NudgeFormOutcome.Saved) outcome;
            assertThat(saved.state()).isEqualTo(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ));
            assertThat(channels.find(GENERAL)).contains(saved.state());
            assertThat(audit.recent(10))
                    .containsExactly(new AuditRecord(
                            ADMIN,
                            NOW,
                            AdminActions.NUDGES_CHANGE,
                            GENERAL.key(),
                            DEFAULTS.describe(Language.EN),
                            FRIDAY_QUIZ.describe(Language.EN)));
            Reply confirmation = saved.confirmation();
            assertThat(confirmation.delivery()).isEqualTo(Reply.Delivery.PRIVATE);
            assertThat(confirmation.blocks())
                    .containsExactly(
                            new Block.Text("Nudges saved for #general."),
                            new Block.Text(FRIDAY_QUIZ.describe(Language.EN)));
        }

        @Test
        void registersAnUnknownChannel() {
            NudgeFormOutcome outcome = submit(ADMIN, fridayQuiz());

            assertThat(outcome).isInstanceOf(NudgeFormOutcome.Saved.class);
            assertThat(channels.find(GENERAL)).contains(ChannelState.of(GENERAL, "", FRIDAY_QUIZ));
            assertThat(audit.recent(10)).hasSize(1);
        }

        @Test
        void submittingTheSameSettingsAgainIsNotAudited() {
            ChannelState before = ChannelState.of(GENERAL, "general", FRIDAY_QUIZ)
                    .delivered(NOW.minusSeconds(3600), NudgeSent.Kind.TIP);
            channels.save(before);

            NudgeFormOutcome.Saved saved = (NudgeFormOutcome.Saved) submit(ADMIN, fridayQuiz());

            assertThat(saved.state()).isEqualTo(before);
            assertThat(audit.recent(10)).isEmpty();
            assertThat(saved.confirmation().blocks().get(0))
                    .isEqualTo(new Block.Text(Messages.get(Language.EN, "nudges.form.unchanged", "#general")));
        }

        @Test
        void keepsWhatTheChannelAlreadyHadBesidesTheSettings() {
            Instant last = NOW.minusSeconds(86_400);
            channels.save(ChannelState.of(GENERAL, "general", DEFAULTS).delivered(last, NudgeSent.Kind.QUIZ));

            NudgeFormOutcome.Saved saved = (NudgeFormOutcome.Saved) submit(ADMIN, fridayQuiz());

            assertThat(saved.state().lastDelivery()).contains(last);
            assertThat(saved.state().lastKind()).contains(NudgeSent.Kind.QUIZ);
            assertThat(saved.state().name()).isEqualTo("general");
        }

        @Test
        void resumesAPausedChannelWhenNudgesAreOn() {
            channels.save(ChannelState.of(GENERAL, "general", DEFAULTS).paused(ChannelMembershipService.REASON_LEFT));

            NudgeFormOutcome.Saved saved = (NudgeFormOutcome.Saved) submit(ADMIN, fridayQuiz());

            assertThat(saved.state().status()).isEqualTo(ChannelState.Status.ACTIVE);
            assertThat(channels.find(GENERAL).orElseThrow().status()).isEqualTo(ChannelState.Status.ACTIVE);
            assertThat(saved.confirmation().blocks())
                    .contains(new Block.Context(Messages.get(Language.EN, "nudges.form.resumed")));
        }

        @Test
        void resumesAPausedChannelEvenWhenItsSettingsStayTheSame() {
            channels.save(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ).paused("is_archived"));

            submit(ADMIN, fridayQuiz());

            assertThat(channels.find(GENERAL)).contains(ChannelState.of(GENERAL, "general", FRIDAY_QUIZ));
            assertThat(audit.recent(10)).hasSize(1);
        }

        @Test
        void turningNudgesOffKeepsAPausedChannelPaused() {
            channels.save(ChannelState.of(GENERAL, "general", DEFAULTS).paused("is_archived"));

            NudgeFormOutcome.Saved saved =
                    (NudgeFormOutcome.Saved) submit(ADMIN, with(fridayQuiz(), NudgeForm.FREQUENCY, "OFF"));

            assertThat(saved.state().status()).isEqualTo(ChannelState.Status.PAUSED);
            assertThat(saved.state().settings().frequency()).isEqualTo(Frequency.OFF);
            assertThat(saved.confirmation().blocks())
                    .doesNotContain(new Block.Context(Messages.get(Language.EN, "nudges.form.resumed")));
        }

        @Test
        void readsTimesAndZonesLikeTheNudgesCommand() {
            Map<String, String> values = with(
                    with(with(fridayQuiz(), NudgeForm.TIME, " 9h30 "), NudgeForm.ZONE, "europe/paris"),
                    NudgeForm.FREQUENCY,
                    "monthly");

            NudgeFormOutcome.Saved saved = (NudgeFormOutcome.Saved) submit(ADMIN, values);

            assertThat(saved.state().settings().time()).isEqualTo(LocalTime.of(9, 30));
            assertThat(saved.state().settings().zone()).isEqualTo(PARIS);
            assertThat(saved.state().settings().frequency()).isEqualTo(Frequency.MONTHLY);
        }

        @Test
        void isDeniedToSomeoneWhoIsNotAnAdministratorAndSavesNothing() {
            languages.save(ALICE, Language.FR);

            NudgeFormOutcome outcome = submit(ALICE, fridayQuiz());

            assertThat(outcome)
                    .isEqualTo(new NudgeFormOutcome.Denied(Messages.get(Language.FR, Decision.Denied.NOT_ADMIN)));
            assertThat(channels.all()).isEmpty();
            assertThat(audit.recent(10)).isEmpty();
        }

        @Test
        void confirmsInFrenchForSomeoneWhoChoseFrench() {
            languages.save(ADMIN, Language.FR);
            channels.save(ChannelState.of(GENERAL, "général", DEFAULTS));

            NudgeFormOutcome.Saved saved = (NudgeFormOutcome.Saved) submit(ADMIN, fridayQuiz());

            assertThat(saved.confirmation().language()).isEqualTo(Language.FR);
            assertThat(saved.confirmation().blocks())
                    .containsExactly(
                            new Block.Text("Rappels enregistrés pour #général."),
                            new Block.Text(FRIDAY_QUIZ.describe(Language.FR)));
        }
    }

    @Nested
    class Rejected {

        private ChannelState before;

        private NudgeFormOutcome.Rejected rejected(Map<String, String> values) {
            before = ChannelState.of(GENERAL, "general", DEFAULTS);
            channels.save(before);
            NudgeFormOutcome outcome = submit(ADMIN, values);
            assertThat(outcome).isInstanceOf(NudgeFormOutcome.Rejected.class);
            assertThat(channels.all()).as("nothing saved").containsExactly(before);
            assertThat(audit.recent(10)).as("nothing audited").isEmpty();
            return (NudgeFormOutcome.Rejected) outcome;
        }

        @ParameterizedTest
        @ValueSource(strings = {"25:00", "noon", "16h61", "1600"})
        void aTimeThatIsNotOne(String time) {
            NudgeFormOutcome.Rejected rejected = rejected(with(fridayQuiz(), NudgeForm.TIME, time));

            assertThat(rejected.errors()).containsOnlyKeys(NudgeForm.TIME);
            assertThat(rejected.errors().get(NudgeForm.TIME))
                    .isEqualTo(Messages.get(Language.EN, "nudges.invalid.bad-time", time));
            assertThat(field(rejected.form(), NudgeForm.TIME).value()).isEqualTo(time);
        }

        @Test
        void anUnknownZone() {
            NudgeFormOutcome.Rejected rejected = rejected(with(fridayQuiz(), NudgeForm.ZONE, "Mars/Olympus_Mons"));

            assertThat(rejected.errors()).containsOnlyKeys(NudgeForm.ZONE);
            assertThat(rejected.errors().get(NudgeForm.ZONE)).contains("Mars/Olympus_Mons", "IANA");
        }

        @Test
        void unknownOptionsInEveryChoice() {
            Map<String, String> values = fridayQuiz();
            values.put(NudgeForm.FREQUENCY, "HOURLY");
            values.put(NudgeForm.WEEKDAY, "FUNDAY");
            values.put(NudgeForm.DAY_OF_MONTH, "32");
            values.put(NudgeForm.LANGUAGE, "de");
            values.put(NudgeForm.CONTENT, "MEMES");

            NudgeFormOutcome.Rejected rejected = rejected(values);

            assertThat(rejected.errors())
                    .containsOnlyKeys(
                            NudgeForm.FREQUENCY,
                            NudgeForm.WEEKDAY,
                            NudgeForm.DAY_OF_MONTH,
                            NudgeForm.LANGUAGE,
                            NudgeForm.CONTENT);
            assertThat(rejected.errors().values())
                    .containsOnly(Messages.get(Language.EN, "nudges.form.error.unknown-option"));
        }

        @Test
        void missingAndBlankFields() {
            Map<String, String> values = fridayQuiz();
            values.remove(NudgeForm.FREQUENCY);
            values.put(NudgeForm.TIME, "   ");
            values.put(NudgeForm.ZONE, null);

            NudgeFormOutcome.Rejected rejected = rejected(values);

            assertThat(rejected.errors()).containsOnlyKeys(NudgeForm.FREQUENCY, NudgeForm.TIME, NudgeForm.ZONE);
            assertThat(rejected.errors().values()).containsOnly(Messages.get(Language.EN, "nudges.form.error.missing"));
        }

        @Test
        void anEmptySubmissionNamesEveryField() {
            NudgeFormOutcome.Rejected rejected = rejected(Map.of());

            assertThat(rejected.errors()).hasSize(7);
        }

        @Test
        void overlongTextsAreRejectedAndCutInTheRefilledForm() {
            Map<String, String> values = fridayQuiz();
            values.put(NudgeForm.TIME, "1".repeat(100_000));
            values.put(NudgeForm.ZONE, "Europe/" + "x".repeat(100));

            NudgeFormOutcome.Rejected rejected = rejected(values);

            assertThat(rejected.errors()).containsOnlyKeys(NudgeForm.TIME, NudgeForm.ZONE);
            assertThat(rejected.errors().get(NudgeForm.TIME)).isEqualTo("Write at most 5 characters.");
            assertThat(rejected.errors().get(NudgeForm.ZONE)).isEqualTo("Write at most 64 characters.");
            assertThat(field(rejected.form(), NudgeForm.TIME).value()).isEqualTo("11111");
            assertThat(field(rejected.form(), NudgeForm.ZONE).value())
                    .hasSize(64)
                    .startsWith("Europe/xxx");
        }

        @Test
        void theRefilledFormKeepsValidSubmittedChoicesAndTheChannelsValueForInvalidOnes() {
            Map<String, String> values =
                    with(with(fridayQuiz(), NudgeForm.TIME, "99:99"), NudgeForm.CONTENT, "x".repeat(5_000));

            NudgeFormOutcome.Rejected rejected = rejected(values);

            Map<String, String> shown = valuesOf(rejected.form());
            assertThat(shown)
                    .containsEntry(NudgeForm.FREQUENCY, "WEEKLY")
                    .containsEntry(NudgeForm.WEEKDAY, "FRIDAY")
                    .containsEntry(NudgeForm.ZONE, "America/New_York")
                    .containsEntry(NudgeForm.LANGUAGE, "fr")
                    .containsEntry(NudgeForm.TIME, "99:99")
                    .containsEntry(NudgeForm.CONTENT, DEFAULTS.content().name());
            for (NudgeForm.Field field : rejected.form().fields()) {
                assertThat(field.value().length()).as(field.id()).isLessThanOrEqualTo(field.maxLength());
                if (field.kind() == NudgeForm.Kind.CHOICE) {
                    assertThat(field.options())
                            .extracting(NudgeForm.Option::value)
                            .as(field.id())
                            .contains(field.value());
                }
            }
            assertThat(rejected.errors().get(NudgeForm.CONTENT)).doesNotContain("xxx");
        }

        @Test
        void messagesAreInTheFormsLanguage() {
            languages.save(ADMIN, Language.FR);

            NudgeFormOutcome.Rejected rejected = rejected(with(fridayQuiz(), NudgeForm.ZONE, "Paris"));

            assertThat(rejected.form().language()).isEqualTo(Language.FR);
            assertThat(rejected.errors().get(NudgeForm.ZONE))
                    .isEqualTo(Messages.get(Language.FR, "nudges.invalid.bad-zone", "Paris"));
        }
    }
}
