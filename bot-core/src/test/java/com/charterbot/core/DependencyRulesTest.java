package com.charterbot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    private static final JavaClasses CORE = importCore();

    /** Imports only the core's own classes: their dependencies are known by name, which is all the rule needs. */
    private static JavaClasses importCore() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(new ImportOption.DoNotIncludeTests())
                    .importPackages("com.charterbot.core");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void importsTheCoreClasses() {
        assertThat(CORE).isNotEmpty();
        assertThat(CORE.contain("com.charterbot.core.answer.AnswerEngine")).isTrue();
        assertThat(CORE.contain(DependencyRulesTest.class)).isFalse();
    }

    @Test
    void coreDependsOnNoChatPlatformOrSpring() {
        noClasses()
                .that()
                .resideInAPackage("com.charterbot.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.slack..", "com.microsoft.bot..")
                .because("bot-core is the platform-free domain")
                .check(CORE);
    }

    @Test
    void theCorePackagesFormNoCycle() {
        slices().matching("com.charterbot.core.(*)..")
                .should()
                .beFreeOfCycles()
                .because("each package of the core can be read, tested and changed with only the packages below it")
                .check(CORE);
    }

    @Test
    void theSharedValuesDependOnNothingButText() {
        classes()
                .that()
                .resideInAPackage("com.charterbot.core.values..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("com.charterbot.core.values..", "com.charterbot.core.text..", "java..")
                .because("the values every adapter builds sit under every feature")
                .check(CORE);
    }

    @Test
    void noServiceOfTheCoreUsesTheInMemoryStores() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.charterbot.core.memory..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.charterbot.core.memory..")
                .because(
                        "a server's stores are the JDBC ones: the in-memory stores are for one process that keeps nothing")
                .check(CORE);
    }
}
