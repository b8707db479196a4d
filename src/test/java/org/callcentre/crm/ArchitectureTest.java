package org.callcentre.crm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.runtime.event.annotation.EventListener;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Vendors stay at the edge: a new PBX is one new adapter, and the domain never learns a vendor's
 * event names or libraries.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.callcentre.crm");
    }

    @Test
    void onlyTheAmiAdapterKnowsAsteriskJava() {
        noClasses().that().resideOutsideOfPackage("..telephony.ami..")
                .should().dependOnClassesThat().resideInAnyPackage("org.asteriskjava..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheSipAdapterKnowsJainSip() {
        noClasses().that().resideOutsideOfPackage("..telephony.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheTextAnalysingPackagesKnowLucene() {
        noClasses().that().resideOutsideOfPackages("..knowledge..", "..ai.drafts..", "org.callcentre.crm.language..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.tartarus..")
                .check(classes);
    }

    @Test
    void onlyTheLanguagePackageKnowsTheMorphologicalDictionary() {
        noClasses().that().resideOutsideOfPackage("org.callcentre.crm.language..")
                .should().dependOnClassesThat().resideInAnyPackage("morfologik..")
                .check(classes);
    }

    @Test
    void conversationsAndAnswersDoNotKnowTheAvitoAdapter() {
        noClasses().that().resideInAnyPackage("..conversations..", "..ai.answers..", "..knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage("..leads.avito..")
                .check(classes);
    }

    @Test
    void onlyTheVoskAdapterKnowsVoskAndOnlyTheMp3DecoderKnowsJLayer() {
        noClasses().that().resideOutsideOfPackage("..asr.vosk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vosk..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideOutsideOfPackage("..asr.mp3..")
                .should().dependOnClassesThat().resideInAnyPackage("javazoom..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theDomainDoesNotDependOnAdapters() {
        noClasses().that().resideInAnyPackage("..calls..", "..clients..", "..orders..", "..operators..", "..tasks..",
                        "..campaigns..", "..cities..")
                .should().dependOnClassesThat().resideInAnyPackage("..telephony..", "..leads.avito..")
                .check(classes);
    }

    /**
     * Work kept in step with calls runs as a {@code CallProjection}, once per batch in a declared order;
     * a plain listener would run inside the ingest transaction, once per call, in no fixed order.
     */
    @Test
    void nothingHearsOfACallChangeInsideTheIngestTransaction() {
        noMethods().that().areAnnotatedWith(EventListener.class)
                .should().haveRawParameterTypes(CallChanged.class)
                .allowEmptyShould(true).check(classes);
    }

    /**
     * Sockets, screen-pops, presence, wallboard, chat and gap feeds live together in {@code live}: other
     * features publish events and {@code live} decides what reaches which browser.
     */
    @Test
    void onlyTheLivePackageTalksToBrowsers() {
        noClasses().that().resideOutsideOfPackage("org.callcentre.crm.live..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.websocket..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.callcentre.crm.live..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.callcentre.crm.live.LiveSockets")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.callcentre.crm.live.LivePushQueue")
                .check(classes);
    }

    @Test
    void notificationFeaturesDoNotKnowTheirChannelsAdapters() {
        noClasses().that().resideInAnyPackage("..notifications.masters..", "..notifications.visits..", "..orders..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.telegram..", "..notifications.email..",
                        "..notifications.sms..", "jakarta.mail..")
                .check(classes);
    }
}
