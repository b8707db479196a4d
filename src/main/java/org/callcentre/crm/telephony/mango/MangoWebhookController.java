package org.callcentre.crm.telephony.mango;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.shared.DatabaseFaults;
import org.callcentre.crm.calls.ingest.CallEvents;
import org.callcentre.crm.calls.ingest.CallEventsFull;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.telephony.inbox.InboxBounds;
import org.callcentre.crm.telephony.inbox.InboxWriter;
import org.callcentre.crm.telephony.inbox.Received;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Mango Office calls {@code <base>/events/call}, {@code events/summary}, {@code events/recording}
 * and more. Each signed event is parsed once, here, and stored before it is answered 200 (with the
 * webhooks that arrive meanwhile, in one commit: {@link InboxWriter}), so an acknowledged event is
 * never lost; it is applied right after. While PostgreSQL is unreachable the event's call events go
 * to the ingest spool on disk instead, so Mango is still answered 200 and nothing it was told
 * arrived is lost. When the inbox (or, PostgreSQL away, the spool) is at its cap, the event is
 * answered 503 with {@code Retry-After} and nothing is kept: Mango sends it again later.
 */
@Tag(name = "integrations")
@Controller("/integrations/mango")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MangoWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(MangoWebhookController.class);
    /** A database outage that filled the spool is long: Mango need not knock every second. */
    private static final Duration SPOOL_RETRY = Duration.ofSeconds(30);
    private final MangoSettings settings;
    private final MangoEventTranslator translator;
    private final InboxWriter writer;
    private final CallEvents buffer;
    private final InboxBounds bounds;

    public MangoWebhookController(MangoSettings settings, MangoEventTranslator translator, InboxWriter writer,
                                  CallEvents buffer, InboxBounds bounds) {
        this.settings = settings;
        this.bounds = bounds;
        this.translator = translator;
        this.writer = writer;
        this.buffer = buffer;
    }

    @Post("/{+path}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<Map<String, Object>> receive(@PathVariable String path, @Body Map<String, String> form) {
        String json = form.get("json");
        if (!MangoSignature.verify(settings, form.get("vpbx_api_key"), json, form.get("sign"))) {
            throw ApiException.unauthorized("Unknown vpbx_api_key or wrong sign");
        }
        JsonNode node;
        try {
            node = translator.parse(json);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("json", e.getMessage());
        }
        Received webhook = read(path, json, node);
        bounds.admit();
        try {
            writer.store(webhook);
        } catch (RuntimeException e) {
            bounds.release();
            if (!DatabaseFaults.unreachable(e)) {
                throw e;
            }
            keepUntilDatabaseReturns(webhook);
        }
        return HttpResponse.ok(Map.of("result", 1000));
    }

    /** Parsed once, here: the worker applies these events without reading the payload again. */
    private Received read(String path, String json, JsonNode node) {
        try {
            return new Received(MangoEventTranslator.SOURCE, path, json, translator.translate(path, node), null);
        } catch (IllegalArgumentException unreadable) {
            return new Received(MangoEventTranslator.SOURCE, path, json, List.of(), unreadable.getMessage());
        }
    }

    private void keepUntilDatabaseReturns(Received webhook) {
        if (webhook.unreadable() != null) {
            // Stored, this event would be acknowledged and then set aside as unreadable: the same, without the row.
            LOG.warn("Mango {} not applied: {}", webhook.eventType(), webhook.unreadable());
            return;
        }
        try {
            buffer.acceptAcknowledged(webhook.events());
        } catch (CallEventsFull full) {
            throw ApiException.busy("PostgreSQL is unreachable and the spool is full; send this event again later", SPOOL_RETRY);
        }
    }
}
