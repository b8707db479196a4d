package org.callcentre.crm.websecurity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.callcentre.crm.telephony.mango.MangoSignature;
import org.callcentre.crm.testing.MangoWebhooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Mango webhooks, signed or not, optionally as relayed by a proxy naming the client in X-Forwarded-For. */
final class WebhookCalls {
    private final HttpClient client;
    private int leg;

    WebhookCalls(HttpClient client) {
        this.client = client;
    }

    /** A ringing leg, correctly signed. */
    HttpResponse<?> signed(String forwardedFor) {
        String json = """
                {"entry_id":"limits-%d","call_id":"L%d","timestamp":1740823200,"seq":1,"call_state":"Appeared","location":"ivr",\
                "from":{"number":"79161234567"},"to":{"number":"78432507713","line_number":"78432507713"}}""".formatted(++leg, leg);
        return post("/integrations/mango/events/call", form(json, MangoSignature.sign(MangoWebhooks.KEY, json, MangoWebhooks.SALT)),
                forwardedFor);
    }

    /** The same, with a sign made without the salt. */
    HttpResponse<?> wronglySigned(String forwardedFor) {
        return post("/integrations/mango/events/call", form("{}", "0".repeat(64)), forwardedFor);
    }

    HttpResponse<?> post(String path, String body, String forwardedFor) {
        MutableHttpRequest<String> request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private static String form(String json, String sign) {
        return "vpbx_api_key=" + enc(MangoWebhooks.KEY) + "&sign=" + sign + "&json=" + enc(json);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
