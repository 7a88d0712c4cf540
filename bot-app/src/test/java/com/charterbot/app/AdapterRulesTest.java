package com.charterbot.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the adapters and the launcher may use of the core; the core's own rules are bot-core's {@code DependencyRulesTest}. */
class AdapterRulesTest {

    /** Packages of plain helpers every side shares: values, replies and their parts, messages, text, sockets. */
    private static final Set<String> SHARED = Set.of(
            "com.charterbot.core.values",
            "com.charterbot.core.reply",
            "com.charterbot.core.i18n",
            "com.charterbot.core.text",
            "com.charterbot.core.net");

    /** The main classes of the launcher and both adapters, from the class path: no test class, of this module or a test-jar. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(
                    "com.charterbot.app", "com.charterbot.playground", "com.charterbot.slack", "com.charterbot.teams");

    /** A class of the core that decides something: neither a port (interface), a value (record, enum) nor a shared helper. */
    private static final DescribedPredicate<JavaClass> CORE_IMPLEMENTATION = DescribedPredicate.describe(
            "implementations of the core (not a port, a value or a shared helper)",
            type -> type.getPackageName().startsWith("com.charterbot.core.")
                    && !type.isInterface()
                    && !type.isRecord()
                    && !type.isEnum()
                    && !type.isAssignableTo(Throwable.class)
                    && SHARED.stream().noneMatch(shared -> type.getPackageName().equals(shared)));

    @Test
    void importsTheAdaptersAndTheLauncherWithoutTests() {
        assertThat(MAIN.contain("com.charterbot.slack.SlackBot")).isTrue();
        assertThat(MAIN.contain("com.charterbot.teams.TeamsBot")).isTrue();
        assertThat(MAIN.contain("com.charterbot.app.CharterBotApplication")).isTrue();
        assertThat(MAIN.contain(AdapterRulesTest.class)).isFalse();
        assertThat(MAIN.stream().anyMatch(type -> type.getSimpleName().equals("SlackRig")))
                .isFalse();
    }

    @Test
    void theAdaptersUseOnlyTheCoresPortsAndValues() {
        noClasses()
                .that()
                .resideInAnyPackage("com.charterbot.slack..", "com.charterbot.teams..")
                .should()
                .dependOnClassesThat(CORE_IMPLEMENTATION)
                .because("an adapter translates between a platform and the core's ports; the core decides")
                .check(MAIN);
    }

    @Test
    void onlyTheLocalChatAndThePlaygroundKeepTheirStoresInMemory() {
        noClasses()
                .that()
                .resideOutsideOfPackages("com.charterbot.app.cli..", "com.charterbot.playground..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.charterbot.core.memory..")
                .because("a server shares its state with the other replicas through the database")
                .check(MAIN);
    }

    @Test
    void theJdbcStoresOfTheCoresPortsLiveTogether() {
        DescribedPredicate<JavaClass> corePortStore = DescribedPredicate.describe(
                "implement a port of the core",
                type -> type.getAllRawInterfaces().stream()
                        .anyMatch(port -> port.getPackageName().startsWith("com.charterbot.core.")));
        classes()
                .that()
                .haveSimpleNameStartingWith("Jdbc")
                .and(corePortStore)
                .should()
                .resideInAPackage("com.charterbot.app.persistence")
                .because("a reader finds every table the core's data lives in at one place")
                .check(MAIN);
    }
}
