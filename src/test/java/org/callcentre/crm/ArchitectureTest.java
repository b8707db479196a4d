package org.callcentre.crm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.runtime.event.annotation.EventListener;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** Each feature package can be read, changed and tested from the ones below it, never in a loop. */
    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.callcentre.crm.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * A PBX or marketplace adapter reaches a feature only through the port it serves, so that the
     * feature's insides can change without touching the vendor code: calls (the ingest door, its
     * event types, the stored events for a re-sync, click-to-call, telephony gaps), recordings, SIP
     * lines, leadership, operators' work status, and for Avito the conversations inbox. Besides those:
     * its own package, {@code shared}, who acts ({@code auth.Actor}, {@code auth.Role}), the audit trail
     * and the city names the API speaks.
     */
    @Test
    void telephonyAndAvitoAdaptersDependOnlyOnThePortsTheyServe() {
        classes().that().resideInAnyPackage("org.callcentre.crm.telephony..", "org.callcentre.crm.leads.avito..")
                .should().onlyDependOnClassesThat(or(
                        resideOutsideOfPackage("org.callcentre.crm.."),
                        resideInAnyPackage("org.callcentre.crm.telephony..", "org.callcentre.crm.leads.avito..",
                                "org.callcentre.crm.shared..", "org.callcentre.crm.audit.."),
                        belongToAnyOf(org.callcentre.crm.auth.Actor.class, org.callcentre.crm.auth.Role.class,
                                org.callcentre.crm.cities.CityDirectory.class,
                                org.callcentre.crm.calls.ingest.CallEvents.class, org.callcentre.crm.calls.ingest.CallEvent.class,
                                org.callcentre.crm.calls.ingest.CallEventKind.class, org.callcentre.crm.calls.ingest.CallEnding.class,
                                org.callcentre.crm.calls.ingest.CallDirection.class,
                                org.callcentre.crm.calls.ingest.CallEventsFull.class, org.callcentre.crm.calls.ingest.StoredCallEvents.class,
                                org.callcentre.crm.calls.ClickToCall.class, org.callcentre.crm.calls.TelephonyGapChanged.class,
                                org.callcentre.crm.recordings.RecordingSource.class, org.callcentre.crm.recordings.RecordingSettings.class,
                                org.callcentre.crm.recordings.RecordingRefused.class,
                                org.callcentre.crm.siplines.SipLines.class, org.callcentre.crm.siplines.SipLine.class,
                                org.callcentre.crm.cluster.Leadership.class, org.callcentre.crm.cluster.LeadershipChanged.class,
                                org.callcentre.crm.operators.WorkStatusChanged.class,
                                org.callcentre.crm.conversations.ConversationInbox.class,
                                org.callcentre.crm.conversations.IncomingMessage.class,
                                org.callcentre.crm.conversations.ClientMessageReceived.class,
                                org.callcentre.crm.conversations.Conversation.class,
                                org.callcentre.crm.conversations.ChatChannel.class)))
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
