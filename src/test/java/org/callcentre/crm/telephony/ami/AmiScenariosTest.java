package org.callcentre.crm.telephony.ami;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recorded AMI scenarios, sent by a real AMI peer over TCP to the running service, leave the
 * same call rows as the Mango recordings of the same calls — and sending them again changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiScenariosTest implements TestPropertyProvider {
    static final String PROBE = "1740829999.1";
    final AmiTestServer asterisk = AmiTestServer.start();

    @Inject
    TestData data;
    @Inject
    ObjectMapper mapper;
    @Inject
    AmiEventWorker worker;

    @Override
    public Map<String, String> getProperties() {
        return asterisk.connection();
    }

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
    }

    @Test
    void eachScenarioGivesTheExpectedCallRow() throws Exception {
        List<AmiSample> samples = AmiSample.all(mapper);
        samples.forEach(sample -> asterisk.replay(sample.blocks()));
        awaitApplied();
        for (AmiSample sample : samples) {
            ScenarioRows.assertRowMatches(data, "ami", sample.linkedId(), sample.name(), sample.expected());
        }
        assertEquals(samples.size(), data.count("calls WHERE external_id <> '" + PROBE + "'"));
    }

    @Test
    void aScenarioSentAgainAddsNoRowAndNoEvent() throws Exception {
        List<AmiSample> samples = AmiSample.all(mapper);
        samples.forEach(sample -> asterisk.replay(sample.blocks()));
        awaitApplied();
        long events = data.count("call_events");
        long calls = data.count("calls");

        samples.forEach(sample -> asterisk.replay(sample.blocks()));
        data.db().update("DELETE FROM calls WHERE external_id = ?", PROBE);
        data.db().update("DELETE FROM call_events WHERE call_key = ?", PROBE);
        awaitApplied();

        assertEquals(calls, data.count("calls"));
        assertEquals(events, data.count("call_events"));
        for (AmiSample sample : samples) {
            ScenarioRows.assertRowMatches(data, "ami", sample.linkedId(), sample.name(), sample.expected());
        }
    }

    private void awaitApplied() {
        AmiApplied.await(asterisk, data, worker, PROBE);
    }
}
