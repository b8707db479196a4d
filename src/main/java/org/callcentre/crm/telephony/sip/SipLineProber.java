package org.callcentre.crm.telephony.sip;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a SIP line's registrar whether it is there: one OPTIONS, answered within
 * {@code crm.sip.probe-timeout} or counted as down. Blocks the calling thread for at most that long,
 * so it runs on blocking or scheduled threads, never on an event loop.
 */
@Singleton
class SipLineProber {
    private final SipProbeStack stack;
    private final Duration timeout;

    SipLineProber(SipProbeStack stack, @Value("${crm.sip.probe-timeout:5s}") Duration timeout) {
        this.stack = stack;
        this.timeout = timeout;
    }

    SipProbeResult probe(SipProbeTarget target) {
        if (!SipProbeStack.TRANSPORTS.contains(target.transport())) {
            return SipProbeResult.notProbed(target.transport().toUpperCase() + " lines are not probed yet: only UDP and TCP are");
        }
        CompletableFuture<SipProbeResult> result = stack.sendOptions(target);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            return SipProbeResult.unanswered("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            return SipProbeResult.unanswered("the probe was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a SIP probe failed unexpectedly", e.getCause());
        }
    }
}
