package org.callcentre.crm.telephony.mango;

import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the service process in the middle of Mango traffic: every webhook answered 200
 * before the kill is applied after the restart without being sent again, and once Mango has sent
 * again what got no 200, the rows are those the same traffic leaves without a crash.
 */
class AcknowledgedWebhooksSurviveAKillIT {
    private static final int CALLS = 120;

    @TempDir
    Path dataDir;

    private record Hook(int call, String path, String json) {
    }

    @Test
    void acknowledgedWebhooksOutliveAKillAndRetriesLeaveTheFaultFreeRows() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, Map.of(
                "CRM_MANGO_API_KEY", MangoWebhooks.KEY, "CRM_MANGO_API_SALT", MangoWebhooks.SALT))) {
            service.start();
            List<Hook> hooks = traffic(System.currentTimeMillis() / 1000 - 3600);
            Set<Hook> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger answered = new AtomicInteger();
            CountDownLatch halfway = new CountDownLatch(1);
            ExecutorService mango = Executors.newFixedThreadPool(4);
            for (Hook hook : hooks) {
                mango.submit(() -> {
                    if (service.postMango(hook.path(), hook.json()) == 200) {
                        acknowledged.add(hook);
                    }
                    if (answered.incrementAndGet() == hooks.size() / 2) {
                        halfway.countDown();
                    }
                });
            }
            assertTrue(halfway.await(60, TimeUnit.SECONDS), "half the traffic answered");
            service.kill();
            mango.shutdown();
            assertTrue(mango.awaitTermination(60, TimeUnit.SECONDS));
            assertTrue(acknowledged.size() >= hooks.size() / 2 - 4 && acknowledged.size() < hooks.size(),
                    "the kill came mid-traffic: " + acknowledged.size() + " of " + hooks.size() + " acknowledged");

            service.start();
            String token = service.login();
            for (Hook hook : acknowledged) {
                if (hook.path().equals("events/summary")) {
                    awaitExpectedRow(service, token, hook.call());
                }
            }

            for (Hook hook : hooks) {
                if (!acknowledged.contains(hook)) {
                    assertEquals(200, service.postMango(hook.path(), hook.json()), "Mango's retry of " + hook.path() + " for call " + hook.call());
                }
            }
            for (int call = 0; call < CALLS; call++) {
                awaitExpectedRow(service, token, call);
            }
        }
    }

    /** Per call: the caller appears in the IVR, then the closing summary; even calls are answered. */
    private static List<Hook> traffic(long start) {
        List<Hook> hooks = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            long created = start + call;
            String entry = "kill-test-" + call;
            hooks.add(new Hook(call, "events/call", """
                    {"entry_id":"%s","call_id":"K%d","timestamp":%d,"seq":1,"call_state":"Appeared","location":"ivr",\
                    "from":{"number":"%s"},"to":{"number":"78432507713","line_number":"78432507713"}}"""
                    .formatted(entry, call, created, phone(call))));
            long talk = call % 2 == 0 ? created + 10 : 0;
            hooks.add(new Hook(call, "events/summary",
                    MangoWebhooks.summaryJson(entry, phone(call), created, talk, created + 10 + talkSeconds(call), "")));
        }
        return hooks;
    }

    private static String phone(int call) {
        return "7916%07d".formatted(call);
    }

    private static int talkSeconds(int call) {
        return call % 2 == 0 ? 30 + call : 0;
    }

    /** Exactly one row for the call, with the status and talk time its summary gives. */
    private static void awaitExpectedRow(ServiceProcess service, String token, int call) throws Exception {
        String expectedStatus = call % 2 == 0 ? "answered" : "missed";
        long deadline = System.currentTimeMillis() + 30_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            body = service.get(token, "/api/calls?phone=%2B" + phone(call));
            if (count(body, "\"externalId\"") == 1 && body.contains("\"status\":\"" + expectedStatus + "\"")) {
                Matcher talk = Pattern.compile("\"talkSeconds\":(\\d+)").matcher(body);
                assertTrue(talk.find(), body);
                assertEquals(talkSeconds(call), Integer.parseInt(talk.group(1)), body);
                return;
            }
            assertTrue(count(body, "\"externalId\"") <= 1, "one row per call: " + body);
            Thread.sleep(100);
        }
        throw new AssertionError("call " + call + " not " + expectedStatus + ": " + body);
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
