package org.callcentre.crm.telephony.mango;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.telephony.inbox.InboxWorker;
import org.callcentre.crm.telephony.inbox.TelephonyInbox;

import java.util.Map;

/**
 * Mango Office calls {@code <base>/events/call}, {@code events/summary}, {@code events/recording}
 * and more. Each signed event is stored before it is answered 200, so an acknowledged event is
 * never lost; it is applied right after.
 */
@Tag(name = "integrations")
@Controller("/integrations/mango")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MangoWebhookController {
    private final MangoSettings settings;
    private final MangoEventTranslator translator;
    private final TelephonyInbox inbox;
    private final InboxWorker worker;

    public MangoWebhookController(MangoSettings settings, MangoEventTranslator translator, TelephonyInbox inbox, InboxWorker worker) {
        this.settings = settings;
        this.translator = translator;
        this.inbox = inbox;
        this.worker = worker;
    }

    @Post("/{+path}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<Map<String, Object>> receive(@PathVariable String path, @Body Map<String, String> form) {
        String json = form.get("json");
        if (!MangoSignature.verify(settings, form.get("vpbx_api_key"), json, form.get("sign"))) {
            throw ApiException.unauthorized("Unknown vpbx_api_key or wrong sign");
        }
        try {
            translator.parse(json);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("json", e.getMessage());
        }
        inbox.store(MangoEventTranslator.SOURCE, path, json);
        worker.wake();
        return HttpResponse.ok(Map.of("result", 1000));
    }
}
