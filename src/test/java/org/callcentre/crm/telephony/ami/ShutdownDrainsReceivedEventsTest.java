package org.callcentre.crm.telephony.ami;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

/**
 * A service stopped right after Asterisk sent a burst of calls stores all of them before it goes:
 * it logs off (which reads everything sent before the answer), then applies what it has received.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShutdownDrainsReceivedEventsTest {
    final AmiTestServer asterisk = AmiTestServer.start();

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    @Test
    void everyCallSentBeforeTheStopIsStored() throws Exception {
        ApplicationContext service = ApplicationContext.builder("test").properties(new java.util.HashMap<>(asterisk.connection())).start();
        TestData data = service.getBean(TestData.class);
        data.reset();
        ScenarioRows.setUpDirectory(data);
        List<AmiSample> samples = AmiSample.all(service.getBean(ObjectMapper.class));
        asterisk.awaitAction("Login", 1, java.time.Duration.ofSeconds(20));

        for (AmiSample sample : samples) {
            asterisk.replay(sample.blocks());
        }
        service.close();

        try (ApplicationContext reader = ApplicationContext.builder("test").start()) {
            TestData rows = reader.getBean(TestData.class);
            for (AmiSample sample : samples) {
                ScenarioRows.assertRowMatches(rows, "ami", sample.linkedId(), sample.name(), sample.expected());
            }
        }
    }
}
