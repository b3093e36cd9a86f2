package dev.switchboard.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plug-in architecture as a test: core knows no channel, and no channel knows another. */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
    }

    @Test
    void coreImportsNoChannelAgentOrApp() {
        noClasses().that().resideInAPackage("dev.switchboard.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.channel..", "dev.switchboard.agent..",
                        "dev.switchboard.app..", "dev.switchboard.sandbox..")
                .check(classes);
    }

    @Test
    void channelsImportNoOtherChannelNorTheApp() {
        noClasses().that().resideInAPackage("dev.switchboard.channel.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.channel.whatsapp..",
                        "dev.switchboard.channel.calendar..", "dev.switchboard.app..", "dev.switchboard.agent..",
                        "dev.switchboard.sandbox..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.switchboard.channel.whatsapp.greenapi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.channel.whatsapp.twilio..",
                        "dev.switchboard.channel.telegram..", "dev.switchboard.app..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("dev.switchboard.channel.whatsapp.twilio..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.channel.whatsapp.greenapi..",
                        "dev.switchboard.channel.telegram..", "dev.switchboard.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sandboxDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.switchboard.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.core..", "dev.switchboard.app..",
                        "dev.switchboard.channel..", "dev.switchboard.agent..")
                .check(classes);
    }

    @Test
    void onlyTheAppTalksHttpToUsers() {
        noClasses().that().resideInAnyPackage("dev.switchboard.core..", "dev.switchboard.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..", "jakarta.servlet..")
                .check(classes);
    }
}
