package com.charterbot.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.charterbot.core.charter.Charter;
import com.charterbot.core.charter.CharterFiles;
import com.charterbot.core.charter.CharterLoader;
import com.charterbot.core.charter.CharterSettings;
import com.charterbot.core.charter.LoadResult;
import com.charterbot.core.charter.Signal;
import com.charterbot.core.charter.TestCharter;
import com.charterbot.core.text.UserText;
import com.charterbot.core.values.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftCheckerTest {

    private static final CharterSettings LINKED = new CharterSettings(
            "Acme Industries",
            "communication@acme.example",
            "security@acme.example",
            "hr@acme.example",
            "it@acme.example",
            "legal@acme.example",
            "https://intranet.acme.example/charter");

    private static final String WATCH_LIST = String.join(
            "\n",
            "## Codenames",
            "- Blue Heron",
            "## Customers",
            "- Veltra Automotive",
            "## Competitors",
            "- Kordis",
            "## Internal domains",
            "- corp.acme.example",
            "");

    @TempDir
    Path dir;

    private static Charter bundled(CharterSettings settings, boolean watchList) {
        CharterFiles files = watchList ? CharterFiles.defaults().withWatchList(WATCH_LIST) : CharterFiles.defaults();
        return ((LoadResult.Loaded) CharterLoader.load(files, settings)).charter();
    }

    private static DraftReport check(Charter charter, String text) {
        return new DraftChecker(() -> charter, Language.EN, DraftFindings.NONE).check(Draft.of(text, Optional.empty()));
    }

    /** The level of the draft's finding that cites this section, if it gets one. */
    private static Optional<Signal.Level> level(Charter charter, String draft, String sectionId) {
        return finding(check(charter, draft), sectionId).map(Finding::level);
    }

    /** Each draft gets a STOP in the section it maps to. */
    private static void assertStops(Charter charter, Map<String, String> stops) {
        stops.forEach((draft, section) ->
                assertThat(level(charter, draft, section)).as(draft).isEqualTo(Optional.of(Signal.Level.STOP)));
    }

    /** Each draft gets neither a STOP nor a CAUTION in the section it maps to. */
    private static void assertNoChangesAsked(Charter charter, Map<String, String> drafts) {
        drafts.forEach((draft, section) -> assertThat(level(charter, draft, section))
                .as(draft)
                .isNotIn(Optional.of(Signal.Level.STOP), Optional.of(Signal.Level.CAUTION)));
    }

    private static Optional<Finding> finding(DraftReport report, String sectionId) {
        return report.findings().stream()
                .filter(f -> f.section().sectionId().equals(sectionId))
                .findFirst();
    }

    /** A two-section charter whose alpha section has the given English signals (and a French stop). */
    private Charter alphaWith(String... enSignals) {
        TestCharter.writeSignalled(
                dir,
                "## Signals\nRemove it.\n\n" + String.join("\n", enSignals) + "\n",
                "## Signaux\nRetirez-le.\n\n- stop : avant l'annonce\n");
        return ((LoadResult.Loaded) TestCharter.load(dir)).charter();
    }

    @Test
    void stopsALeakAndQuotesTheDraftsOwnWordsWithTheSectionCitedLikeAnAnswer() {
        DraftReport report = check(
                bundled(LINKED, false), "Sneak PEEK 👀 of next spring's range, shown to the sales team this morning!");

        Finding leak = finding(report, "confidential-information").orElseThrow();
        assertThat(report.verdict()).contains(Signal.Level.STOP);
        assertThat(leak.level()).isEqualTo(Signal.Level.STOP);
        assertThat(leak.triggers()).contains("Sneak PEEK");
        assertThat(leak.section().title()).isEqualTo("Confidential information");
        assertThat(leak.section().link()).isEqualTo("https://intranet.acme.example/charter#confidential-information");
        assertThat(leak.change()).contains("communication@acme.example").doesNotContain("{{");
        assertThat(report.language()).isEqualTo(Language.EN);
    }

    @Test
    void oneFindingPerSectionAtItsMostSeriousLevelMostSeriousFirst() {
        Charter charter = alphaWith("- tip: draft", "- caution: draft ... soon", "- stop: before the announcement");

        DraftReport report = check(charter, "Our prototype draft, coming soon, before the announcement");

        assertThat(report.findings()).extracting(f -> f.section().sectionId()).containsExactly("alpha", "beta");
        assertThat(report.findings())
                .extracting(Finding::level)
                .containsExactly(Signal.Level.STOP, Signal.Level.CAUTION);
        assertThat(report.findings().get(0).triggers())
                .containsExactly("draft, coming soon", "before the announcement");
        assertThat(report.findings().get(0).change()).isEqualTo("Remove it.");
    }

    @Test
    void anUnlessPatternTurnsItsSectionsStopsIntoTipsAndDropsTheRest() {
        Charter charter = alphaWith(
                "- stop: before the announcement", "- tip: draft", "- unless: (announced|published) (publicly|today)");

        DraftReport lowered =
                check(charter, "Our prototype, announced publicly today, before the announcement was a secret");
        DraftReport dropped = check(charter, "Our prototype draft, announced publicly today");
        DraftReport kept = check(charter, "Our prototype, before the announcement");

        assertThat(lowered.findings())
                .extracting(f -> f.section().sectionId() + " " + f.level())
                .containsExactly("beta CAUTION", "alpha TIP");
        assertThat(dropped.findings()).extracting(f -> f.section().sectionId()).containsExactly("beta");
        assertThat(kept.findings())
                .extracting(f -> f.section().sectionId() + " " + f.level())
                .containsExactly("alpha STOP", "beta CAUTION");
    }

    @Test
    void readsTheSignalsOfBothLanguagesAndReportsInTheDraftsLanguage() {
        Charter charter = alphaWith("- stop: before the announcement");

        DraftReport english =
                check(charter, "Quick update from the fair, avant l'annonce of course, it is going to be great");
        DraftReport french =
                check(charter, "Petit point depuis le salon : c'est avant l'annonce, donc on ne dit rien à personne");

        assertThat(english.language()).isEqualTo(Language.EN);
        assertThat(finding(english, "alpha").orElseThrow().section().title()).isEqualTo("Alpha things");
        assertThat(french.language()).isEqualTo(Language.FR);
        assertThat(finding(french, "alpha").orElseThrow().section().title()).isEqualTo("Choses alpha");
        assertThat(finding(french, "alpha").orElseThrow().change()).isEqualTo("Retirez-le.");
    }

    @Test
    void theLanguageAskedForWinsOverTheDrafts() {
        Charter charter = alphaWith("- stop: before the announcement");
        DraftChecker checker = new DraftChecker(() -> charter, Language.EN, DraftFindings.NONE);

        DraftReport report = checker.check(Draft.of("before the announcement, as planned", Optional.of(Language.FR)));

        assertThat(report.language()).isEqualTo(Language.FR);
        assertThat(report.findings().get(0).section().title()).isEqualTo("Choses alpha");
    }

    @Test
    void findsPhoneNumbersAddressesAndInternalLinks() {
        Charter charter = bundled(CharterSettings.DEFAULTS, true);

        DraftReport report = check(
                charter,
                "Call Mrs Leroy on 06 71 22 33 44 or write to jane.doe@gmail.com. Notes on "
                        + "https://wiki.corp.acme.example/plan and http://10.1.2.3/dashboard");

        assertThat(finding(report, "colleagues-privacy").orElseThrow().triggers())
                .contains("06 71 22 33 44", "jane.doe@gmail.com");
        Finding internal = finding(report, "internal-networks").orElseThrow();
        assertThat(internal.level()).isEqualTo(Signal.Level.STOP);
        assertThat(internal.triggers()).containsExactly("https://wiki.corp.acme.example/plan");
    }

    @Test
    void everyKindOfInternalHostCounts() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String link : List.of(
                "http://intranet/hr",
                "https://build.local/x",
                "https://acme.sharepoint.com/sites/hr",
                "https://acme-team.slack.com/archives/C1/p1",
                "http://192.168.1.10/",
                "https://intranet.example.com/news")) {
            assertThat(finding(check(charter, "Have a look: " + link), "internal-networks"))
                    .as(link)
                    .isPresent();
        }
        assertThat(finding(check(charter, "Have a look: https://www.wikipedia.org/wiki/Lean"), "internal-networks"))
                .isEmpty();
    }

    @Test
    void findsTheWatchListsNamesWrittenAsWordsOrHashtags() {
        Charter charter = bundled(CharterSettings.DEFAULTS, true);

        assertThat(finding(check(charter, "Project Blue Heron is going great"), "confidential-information")
                        .orElseThrow()
                        .level())
                .isEqualTo(Signal.Level.STOP);
        assertThat(finding(check(charter, "Proud to ship our valves to Veltra Automotive"), "customers-partners")
                        .orElseThrow()
                        .triggers())
                .startsWith("Veltra Automotive");
        assertThat(finding(check(charter, "Proud of this week #VeltraAutomotive"), "customers-partners"))
                .isPresent();
        assertThat(finding(
                        check(charter, "Kordis pumps are junk, they break after a week"), "disclosure-of-affiliation"))
                .isPresent();
        assertThat(finding(check(charter, "Veltra is a great name for a dog"), "customers-partners"))
                .isEmpty();
    }

    @Test
    void aPhotoWhoseTakerSaysWhatTheyCheckedIsNoLongerAStop() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String careful : List.of(
                "Our new lab! Monitors off and whiteboards wiped before I took it [photo: the lab]",
                "Le labo tout neuf, écrans éteints et tableau effacé [photo : le labo]",
                "Photo du pot de fin d'année, prise de dos, personne n'est reconnaissable [photo]")) {
            assertThat(level(charter, careful, "photos-videos"))
                    .as(careful)
                    .isNotEqualTo(Optional.of(Signal.Level.STOP));
        }
        assertThat(finding(check(charter, "Our new lab, look at the whiteboard! [photo: the lab]"), "photos-videos")
                        .orElseThrow()
                        .level())
                .isEqualTo(Signal.Level.STOP);
    }

    @Test
    void vulgarNamesForTheEmployerAndAccusationsAreStops() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String draft : List.of(
                "Encore un samedi imposé par cette direction de m***e",
                "Journée pourrie, boîte pourrie, et nos petits chefaillons",
                "Notre directeur M. Aubert harcèle ses équipes")) {
            assertThat(finding(check(charter, draft), "defamation-criticism"))
                    .as(draft)
                    .hasValueSatisfying(f -> assertThat(f.level()).isEqualTo(Signal.Level.STOP));
        }
        assertThat(finding(check(charter, "Bravo à la direction pour le nouveau réfectoire !"), "defamation-criticism"))
                .isEmpty();
    }

    @Test
    void aJournalistWhoGotInTouchIsForTheCommunicationsTeam() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        assertThat(finding(
                        check(charter, "A reporter from the Gazette emailed me for a comment on the strike"),
                        "media-inquiries"))
                .isPresent();
        assertThat(finding(
                                check(charter, "Une journaliste m'a contactée pour témoigner, j'ai dit oui pour jeudi"),
                                "media-inquiries")
                        .orElseThrow()
                        .level())
                .isEqualTo(Signal.Level.STOP);
    }

    @Test
    void aJobOfferAskingForMoneyIsForRecruitmentUnlessThePostWarnsAboutIt() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String shared : List.of(
                "Hiring 20 drivers, no experience! You just pay a small registration fee to the recruiter first",
                "On recrute 20 caristes en CDI, il faut juste payer 90 € de frais de dossier avant l'entretien")) {
            // a caution from the signal, which what the example posts teach may raise to a stop
            assertThat(finding(check(charter, shared), "recruitment"))
                    .as(shared)
                    .isPresent();
        }
        for (String warning : List.of(
                "Careful: a fake recruiter asks candidates for a registration fee. We never ask for money.",
                "Attention arnaque : de faux recruteurs demandent des frais de dossier avant l'entretien")) {
            assertThat(finding(check(charter, warning), "recruitment"))
                    .as(warning)
                    .isEmpty();
        }
    }

    @Test
    void threatsOfABeatingAndHintsThatNothingIsOfficialAreStops() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        assertThat(level(charter, "Gonna punch the new supervisor if he does that again", "respect-conduct"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
        assertThat(level(charter, "Celle qui a balancé a intérêt à raser les murs lundi", "respect-conduct"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
        assertThat(level(charter, "The depot moves to Leeds in May, nothing official yet", "confidential-information"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
        assertThat(level(charter, "Le dépôt part à Lille, rien d'officiel pour l'instant", "confidential-information"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
    }

    @Test
    void aPhotoCheckedWithTheCommunicationsTeamOrTakenAfterTheRevealIsNoStop() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String careful : List.of(
                "Our new pump on the stand now that the official reveal has happened! Look at the whiteboard [photo]",
                "Photo du tableau de bord de la ligne, la com a validé, aucun écran visible [photo]")) {
            assertThat(level(charter, careful, "photos-videos"))
                    .as(careful)
                    .isNotEqualTo(Optional.of(Signal.Level.STOP));
        }
        assertThat(level(charter, "Photo du tableau de bord de la ligne ce matin [photo]", "photos-videos"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
    }

    @Test
    void aSafetyMilestoneAJobInterviewAndAPastLaunchAreNotRisks() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        assertThat(check(charter, "Two years without a lost-time injury at our plant, cake for everyone!")
                        .findings())
                .isEmpty();
        assertThat(check(charter, "600 jours sans accident du travail à l'usine, bravo l'équipe")
                        .findings())
                .isEmpty();
        assertThat(finding(
                        check(charter, "Acme never asks candidates to pay for a job interview, beware of fakes"),
                        "media-inquiries"))
                .isEmpty();
        assertThat(level(charter, "Come see the valves we launched in March on our stand", "confidential-information"))
                .isNotEqualTo(Optional.of(Signal.Level.STOP));
        assertThat(finding(
                        check(charter, "An injury at our plant this morning, the line is stopped"),
                        "confidential-information"))
                .isPresent();
    }

    @Test
    void aScreenshotIsForInternalNetworksNotThePhotoChecklist() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String screenshot : List.of(
                "Screenshot of the all-staff channel before they delete it lol, pictures say it all",
                "[capture d'écran : le message de la direction sur le canal Teams de l'équipe] 😂")) {
            DraftReport report = check(charter, screenshot);
            assertThat(finding(report, "internal-networks")).as(screenshot).isPresent();
            assertThat(finding(report, "photos-videos")).as(screenshot).isEmpty();
        }
    }

    @Test
    void aMeetingsPasscodeAndPaidNotesForAConsultingFirmAreStops() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        assertThat(level(charter, "Join our town hall on Zoom for a laugh, passcode 5521", "account-security"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
        assertThat(level(
                        charter,
                        "Un cabinet de conseil me paie 400 € l'heure pour parler de nos lignes",
                        "confidential-information"))
                .isEqualTo(Optional.of(Signal.Level.STOP));
    }

    @Test
    void aPhotoEveryoneAgreedToOrWithNothingElseInTheFrameIsNoStop() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        for (String careful : List.of(
                "Photo de l'équipe devant le tableau blanc de l'atelier, avec l'accord de chacun [photo]",
                "Photo du tableau blanc de l'atelier, rien d'autre dans le cadre [photo]",
                "Photo of the whiteboard wall in our lab, no names or screens in the shot [photo]")) {
            assertThat(level(charter, careful, "photos-videos"))
                    .as(careful)
                    .isNotEqualTo(Optional.of(Signal.Level.STOP));
        }
    }

    @Test
    void reviewsUnderAnotherNameLeaksToTheWrongPeopleAndPolishedTitlesAreStops() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        Map<String, String> stops = Map.of(
                "Five stars posted from my sister's account, nobody will know it's me",
                "disclosure-of-affiliation",
                "Ces chaussures de sécu sont top, -10 % avec mon code MARC10",
                "disclosure-of-affiliation",
                "Je t'envoie les plans ce soir, tu cites pas ta source hein",
                "media-inquiries",
                "Notre nouvelle vanne, pas encore passée par le service brevets, regardez ça",
                "intellectual-property",
                "The CFO is travelling all week so I approve every wire transfer myself",
                "account-security",
                "Sophie attend des jumeaux, elle l'a pas encore dit au boss",
                "colleagues-privacy",
                "New headline says Director, it reads better for recruiters",
                "personal-profiles");
        assertStops(charter, stops);
        String warning = "Attention : de fausses offres d'emploi au nom de Acme Industries circulent, signalez-les";
        assertThat(level(charter, warning, "speaking-for-company")).isEqualTo(Optional.of(Signal.Level.TIP));
    }

    @Test
    void hiddenAffiliationDealRoomsAndInflatedTitlesAreStopsPublishedResultsAreNot() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        Map<String, String> stops = Map.of(
                "Five stars for the new heat pump! No need to say I'm on the design team 🤫",
                "disclosure-of-affiliation",
                "HR gives a 20€ Amazon voucher for every 5-star Glassdoor review this week",
                "disclosure-of-affiliation",
                "Long nights in the data room, the acquisition of Halden is nearly done",
                "insider-information",
                "New headline: Head of R&D. Technically I'm a lab technician but it's my profile",
                "personal-profiles");
        assertStops(charter, stops);
        assertThat(finding(
                        check(charter, "Finally refactored my code for the test bench, so much cleaner"),
                        "disclosure-of-affiliation"))
                .isEmpty();
        assertThat(level(
                        charter,
                        "Our results went out today, see the official release: revenue up 9%",
                        "insider-information"))
                .isNotEqualTo(Optional.of(Signal.Level.STOP));
        assertThat(finding(
                        check(charter, "Photos du séminaire, j'ai demandé à chacun avant de taguer @Sophie [photo]"),
                        "colleagues-privacy"))
                .isEmpty();
    }

    @Test
    void slursTipsToTheMediaBoardingPassesAndPoachedCustomersAreStops() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        Map<String, String> stops = new LinkedHashMap<>();
        stops.put("They should be grateful we let them into this country at all", "respect-conduct");
        stops.put("lol the new guy posted a clip mocking a disabled kid, send it round", "respect-conduct");
        stops.put("Hiring pickers, young guys only, it's a fast line", "respect-conduct");
        stops.put("My supervisor has been bullying the night shift for months", "defamation-criticism");
        stops.put("I gave the local paper the real story about the closure", "media-inquiries");
        stops.put("Just emailed the producers of that consumer show about our recalls", "media-inquiries");
        stops.put("Quick story while I run the press, phone taped to the guard", "access-at-work");
        stops.put("Heard from a mate in finance that bonuses are cancelled", "confidential-information");
        stops.put("Off to Munich! [photo: my boarding pass, barcode visible]", "account-security");
        stops.put("Who wants a private show tonight ladies 😏", "respect-conduct");
        stops.put("The buyers from Halvek asked the dumbest questions about the housings", "customers-partners");
        stops.put("Tu as été viré parce que tu bossais pas, tout le monde le sait", "colleagues-privacy");
        stops.put("Julie attend son deuxième, chut 🤫", "colleagues-privacy");
        stops.put(
                "Clients de Acme Industries : je vous fais les mêmes études moins cher, écrivez-moi",
                "customers-partners");
        stops.put(
                "Ces joints fuient, allez plutôt chez Acme Industries, bien plus sérieux", "disclosure-of-affiliation");
        assertStops(charter, stops);
        assertThat(level(charter, "Montage de la ligne sur le tube de Dua Lipa [vidéo]", "intellectual-property"))
                .isEqualTo(Optional.of(Signal.Level.CAUTION));
    }

    @Test
    void whatCarefulPostersSayLowersTheirSections() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        Map<String, String> careful = new LinkedHashMap<>();
        careful.put("Photos from the open day at the plant, taken on the public visitor route", "photos-videos");
        careful.put("Team photo at the plant, she asked me to share it", "photos-videos");
        careful.put("La vidéo officielle de la nouvelle ligne est en ligne, je repartage [vidéo]", "photos-videos");
        careful.put("Photo d'équipe à l'atelier, tout le monde a validé avant que je poste [photo]", "photos-videos");
        careful.put("Fiers de notre équipe, les meilleurs du marché !", "disclosure-of-affiliation");
        careful.put("Exercice d'évacuation sur notre site ce matin, bravo à tous [photo]", "negative-comments-crisis");
        assertNoChangesAsked(charter, careful);
        String warning = "My WhatsApp was hijacked last night and the account is messaging my contacts asking for"
                + " money. It wasn't me! Don't answer, don't pay, just block the number";
        assertThat(check(charter, warning).needsChanges()).as(warning).isFalse();
    }

    @Test
    void falseDenialsTreasuryAwayPatentsToComeAndPromisesOfRefundsAreStops() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        Map<String, String> stops = new LinkedHashMap<>();
        stops.put(
                "Best employer in the valley, not affiliated in any way, apply on their site",
                "disclosure-of-affiliation");
        stops.put("Two weeks in Asia, mostly offline, the accounts payable team holds the fort", "account-security");
        stops.put("Patent application still not filed but look at our new seal", "intellectual-property");
        stops.put("Dépôt de brevet prévu le mois prochain, voici notre nouveau joint", "intellectual-property");
        stops.put("Trop fort, il est en arrêt maladie et il poste ses vacances", "colleagues-privacy");
        stops.put("Notre DAF est en Asie tout le mois, c'est moi qui valide les virements", "account-security");
        stops.put("Screenshots from our private Slack, enjoy", "internal-networks");
        stops.put("We flagged it in March. Management knew and shipped anyway", "defamation-criticism");
        stops.put("I work there: you'll get a full refund by Friday", "speaking-for-company");
        stops.put("Leur dette explose, vendez tant qu'il est encore temps", "insider-information");
        stops.put("140 M€ signés avec Énergéo, le communiqué sort lundi", "insider-information");
        stops.put("Super gourde, foncez avec le code NORV30 pour -30% !", "disclosure-of-affiliation");
        assertStops(charter, stops);
        Map<String, String> careful = new LinkedHashMap<>();
        careful.put(
                "Une journaliste m'a écrit en MP, j'ai transmis ses coordonnées au service presse", "media-inquiries");
        careful.put(
                "Attention arnaque : de faux recruteurs demandent votre RIB, on ne demande jamais d'argent",
                "account-security");
        careful.put(
                "Résultats annuels sortis, communiqué officiel en lien : CA en hausse de 7 %", "insider-information");
        assertNoChangesAsked(charter, careful);
    }

    @Test
    void resultsAlreadyReleasedTheWholeSectorAndColleaguesWhoSaidYesAreNoRisk() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        Map<String, String> careful = new LinkedHashMap<>();
        careful.put(
                "The order numbers were in this morning's official press release, so proud of the team",
                "confidential-information");
        careful.put(
                "Dix ans de carnets de commandes qui fondent : je parle du secteur en général, pas de ma boîte",
                "confidential-information");
        careful.put(
                "Huge thanks to Aisha Brandt for the audit docs, she said yes to being named here",
                "colleagues-privacy");
        careful.put(
                "I'm not a spokesperson, so no comment from me: the official statement is here, please share it",
                "speaking-for-company");
        careful.put("Our whole industry, us included, answers customer complaints too slowly", "customers-partners");
        careful.put(
                "Salon Global Industrie [photo : notre stand, écrans éteints, aucun badge visible]",
                "account-security");
        assertNoChangesAsked(charter, careful);
    }

    @Test
    void aColleagueIsNoCustomerForTheCustomersSection() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        assertThat(finding(
                        check(charter, "Le responsable de prod est vraiment relou avec son 5S 🙄"),
                        "customers-partners"))
                .isEmpty();
        assertThat(finding(
                        check(charter, "Les acheteurs de chez Brassac, toujours aussi relous 🙄"),
                        "customers-partners"))
                .isPresent();
    }

    @Test
    void findsNamesInsideSentencesOrAfterATitleButNotAnOpeningWordOrShouting() {
        Charter charter = alphaWith("- stop: [name] ... incompetent");

        Finding named = finding(check(charter, "Thanks to Jenna Morrow, incompetent as ever"), "alpha")
                .orElseThrow();
        assertThat(named.triggers()).containsExactly("Jenna Morrow, incompetent");
        assertThat(finding(check(charter, "Call Mme Perrin: incompetent"), "alpha"))
                .isPresent();
        assertThat(finding(check(charter, "Ugh. Mr. Pryce incompetent again"), "alpha"))
                .isPresent();
        assertThat(finding(check(charter, "Incompetent people everywhere"), "alpha"))
                .isEmpty();
        assertThat(finding(check(charter, "Great day. Incompetent me forgot the keys"), "alpha"))
                .isEmpty();
        assertThat(finding(check(charter, "what a day 🙄 Honestly incompetent"), "alpha"))
                .isEmpty();
        assertThat(finding(check(charter, "the NEW SYSTEM is incompetent"), "alpha"))
                .isEmpty();
        assertThat(finding(check(charter, "see you on Monday, incompetent or not"), "alpha"))
                .isEmpty();
    }

    @Test
    void aLongWordFindsItsPluralAndFeminineButAShortOneOnlyItself() {
        Charter charter = alphaWith("- stop: incompetent (boss|bosses)", "- stop: chut");

        assertThat(finding(check(charter, "Incompetents bosses again"), "alpha"))
                .isPresent();
        assertThat(finding(check(charter, "incompetente boss"), "alpha")).isPresent();
        assertThat(finding(check(charter, "incompetentes boss"), "alpha")).isPresent();
        assertThat(finding(check(charter, "incompetently bossy"), "alpha")).isEmpty();
        assertThat(finding(check(charter, "depuis sa chute"), "alpha")).isEmpty();
        assertThat(finding(check(charter, "chut !"), "alpha")).isPresent();
    }

    @Test
    void aWordWrittenWithMasksOrLookAlikeDigitsStillMatchesButNeverAnotherWord() {
        Charter charter = alphaWith("- stop: (wanker*|connard*|fuck*)", "- stop: shit company");

        for (String draft : List.of(
                "what a w**ker",
                "quel c0nnard",
                "f***ing hell",
                "this f*** job",
                "W@NKERS all of them",
                "sh*t company",
                "sh1t company")) {
            assertThat(finding(check(charter, draft), "alpha")).as(draft).isPresent();
        }
        for (String draft : List.of(
                "what a w**kend",
                "shot company",
                "sh*t happens",
                "**focus** on the work",
                "f**d delivery",
                "covid19 connection",
                "c0nnard5 x20 win10 mp3 h1n1")) {
            assertThat(finding(check(charter, draft), "alpha")).as(draft).isEmpty();
        }
    }

    @Test
    void findsPercentagesWrittenWithASignOrInWords() {
        Charter charter = alphaWith("- caution: [percent] & revenue");

        for (String draft : List.of(
                "Revenue up 12% this quarter",
                "revenue: +12 % !", "revenue grew 3 percent", "revenue, 20 per cent up", "revenue à 20 pour cent")) {
            assertThat(finding(check(charter, draft), "alpha")).as(draft).isPresent();
        }
        assertThat(finding(check(charter, "revenue team of 12 people"), "alpha"))
                .isEmpty();
        assertThat(finding(check(charter, "revenue of 12 pour les amis"), "alpha"))
                .isEmpty();
    }

    @Test
    void knowsTheCompanysNameAndItsOfficialSites() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        assertThat(finding(check(charter, "We at Acme announce a new plant"), "speaking-for-company")
                        .orElseThrow()
                        .triggers())
                .containsExactly("We at Acme");
        assertThat(finding(check(charter, "Acme compressors are the best on the market!"), "disclosure-of-affiliation"))
                .isPresent();
        assertThat(finding(
                        check(charter, "Acme compressors are the best on the market! (I work at Acme)"),
                        "disclosure-of-affiliation"))
                .isEmpty();
    }

    @Test
    void aDraftWithNothingRiskyStillGetsTheChecksThatAlwaysApply() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);

        DraftReport english = check(charter, "Finished my first marathon 🏅 4h12, sore legs, happy heart.");
        DraftReport french = check(charter, "Premier marathon bouclé 🏅 4h12, jambes en compote, cœur léger.");

        assertThat(english.findings()).isEmpty();
        assertThat(english.verdict()).isEmpty();
        assertThat(english.needsChanges()).isFalse();
        assertThat(english.always())
                .extracting(a -> a.section().sectionId())
                .containsExactlyInAnyOrder("confidential-information", "photos-videos", "colleagues-privacy");
        assertThat(english.always()).allMatch(a -> !a.text().isBlank());
        assertThat(french.language()).isEqualTo(Language.FR);
        assertThat(french.always()).extracting(AlwaysCheck::text).anyMatch(text -> text.contains("arrière-plan"));
    }

    @Test
    void aPictureAloneBringsThePhotoChecksAndEmojiAloneHasNoWords() {
        Charter charter = bundled(CharterSettings.DEFAULTS, false);
        DraftChecker checker = new DraftChecker(() -> charter, Language.EN, DraftFindings.NONE);

        DraftReport picture = checker.check(new Draft("", Optional.empty(), Optional.empty(), true, false));
        DraftReport emoji = checker.check(Draft.of("🔥🔥🚀 😂", Optional.empty()));

        assertThat(picture.findings()).extracting(f -> f.section().sectionId()).containsExactly("photos-videos");
        assertThat(picture.wordless()).isFalse();
        assertThat(emoji.wordless()).isTrue();
        assertThat(emoji.findings()).isEmpty();
    }

    @Test
    void aDraftOverTheLimitIsCutAndSaysSo() {
        Draft draft = Draft.of("word ".repeat(5_000), Optional.empty());

        assertThat(draft.truncated()).isTrue();
        assertThat(draft.text()).hasSize(UserText.MAX_CHARS);
        assertThat(check(bundled(CharterSettings.DEFAULTS, false), draft.text()).truncated())
                .isFalse();
        assertThat(new DraftChecker(() -> bundled(CharterSettings.DEFAULTS, false), Language.EN, DraftFindings.NONE)
                        .check(draft)
                        .truncated())
                .isTrue();
    }

    @Test
    void quotesAFewShortPiecesOfTheDraftEach() {
        String longWord = "secret" + "x".repeat(200);
        Charter charter = alphaWith(
                "- stop: " + longWord.substring(0, 30) + "*", "- stop: hidden", "- stop: embargo*", "- stop: leak*");

        DraftReport report = check(charter, longWord + " one, hidden two, embargoed three, leaked four");

        List<String> triggers = report.findings().get(0).triggers();
        assertThat(triggers).hasSize(DraftChecker.MAX_TRIGGERS);
        assertThat(triggers).allMatch(quote -> quote.length() <= Finding.MAX_TRIGGER);
    }

    @Test
    void theNextCheckUsesAReloadedCharter() {
        Charter first = alphaWith("- stop: before the announcement");
        Charter second = alphaWith("- stop: under embargo");
        AtomicReference<Charter> current = new AtomicReference<>(first);
        DraftChecker checker = new DraftChecker(current::get, Language.EN, DraftFindings.NONE);

        assertThat(checker.check(Draft.of("It is under embargo", Optional.empty()))
                        .findings())
                .isEmpty();
        current.set(second);
        assertThat(checker.check(Draft.of("It is under embargo", Optional.empty()))
                        .findings())
                .hasSize(1);
    }

    @Test
    void countsSectionsAndLevelsNeverWords() {
        Charter charter = alphaWith("- stop: before the announcement");
        List<String> counted = new ArrayList<>();
        DraftFindings findings = new DraftFindings() {
            @Override
            public void checked(Optional<Signal.Level> verdict) {
                counted.add("checked " + verdict.map(Enum::name).orElse("nothing"));
            }

            @Override
            public void found(String sectionId, Signal.Level level) {
                counted.add(sectionId + " " + level);
            }
        };
        DraftChecker checker = new DraftChecker(() -> charter, Language.EN, findings);

        checker.check(Draft.of("A prototype, before the announcement", Optional.empty()));
        checker.check(Draft.of("A sunny day", Optional.empty()));

        assertThat(counted).containsExactly("checked STOP", "alpha STOP", "beta CAUTION", "checked nothing");
    }

    @Test
    void aDraftNeverShowsInItsOwnDescription() {
        assertThat(Draft.of("the secret plan", Optional.empty()).toString())
                .doesNotContain("secret")
                .contains("15 characters");
    }
}
