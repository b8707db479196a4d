package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits until everything the AMI peer has sent so far is in the database. */
final class AmiApplied {
    private AmiApplied() {
    }

    /**
     * A probe call sent after everything else shows that the events before it were read; calls are
     * ingested on several threads, so the worker is then asked to finish what it read.
     */
    static void await(AmiTestServer asterisk, TestData data, AmiEventWorker worker, String probe) {
        asterisk.replay(AmiSample.probeCall(probe));
        Eventually.until("the probe call has ended",
                () -> data.count("calls WHERE source = 'ami' AND external_id = '" + probe + "' AND ended_at IS NOT NULL") == 1);
        try {
            assertTrue(worker.drain(Duration.ofSeconds(20)), "AMI events not applied");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
