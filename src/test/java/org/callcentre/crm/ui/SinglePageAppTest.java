package org.callcentre.crm.ui;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built web UI is served at / without a token, and every page path of the app opens it. */
@MicronautTest(transactional = false)
class SinglePageAppTest {
    @Inject
    @Client("/")
    HttpClient client;

    private HttpResponse<String> get(String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path), Argument.of(String.class), Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).map(body -> (HttpResponse<String>) HttpResponse.status(e.getStatus()).body(body))
                    .orElse(HttpResponse.status(e.getStatus()));
        }
    }

    @Test
    void theRootAndDeepLinksAnswerTheAppPageWithoutAToken() {
        for (String path : new String[]{"/", "/login", "/orders/17", "/admin/cities", "/calls?status=missed"}) {
            HttpResponse<String> page = get(path);
            assertEquals(200, page.code(), path);
            assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"), path);
            assertTrue(page.body().contains("<div id=\"root\"></div>"), path);
            assertEquals("no-cache", page.header("Cache-Control"), path);
        }
    }

    @Test
    void theBuiltScriptIsServedAndThePageHasNoInlineScript() {
        String index = get("/").body();
        Matcher script = Pattern.compile("<script[^>]*src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertTrue(script.find(), index);
        HttpResponse<String> asset = get(script.group(1));
        assertEquals(200, asset.code());
        assertTrue(asset.body().length() > 10_000, "the bundled app");
        // a Content-Security-Policy without 'unsafe-inline' must not break the page
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(index).find(), index);
        assertFalse(index.contains(" style=\""), index);
        assertEquals(200, get("/favicon.svg").code());
    }

    @Test
    void apiSocketsWebhooksHealthAndSwaggerPathsAreNeverThePage() {
        HttpResponse<String> unknownApi = get("/api/no-such-thing");
        assertEquals(404, unknownApi.code(), "an unknown API path stays the API's 404, not the page");
        assertTrue(unknownApi.body().contains("\"success\":false"), unknownApi.body());
        assertEquals(200, get("/health").code());
        assertTrue(get("/health").body().contains("\"status\""));
        assertEquals(404, get("/assets/missing.js").code());
        assertTrue(get("/swagger/openapi.yml").body().startsWith("openapi"), "Swagger still served");
    }

    @Test
    void onlyReadsOfExtensionlessPathsOutsideTheServicePrefixesArePages() {
        assertTrue(SinglePageApp.isPage(HttpMethod.GET, "/"));
        assertTrue(SinglePageApp.isPage(HttpMethod.GET, "/orders/new"));
        assertTrue(SinglePageApp.isPage(HttpMethod.HEAD, "/wallboard"));
        assertTrue(SinglePageApp.isPage(HttpMethod.GET, "/apis"), "a page whose name only starts like a prefix");
        assertFalse(SinglePageApp.isPage(HttpMethod.POST, "/orders"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/api"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/api/orders"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/ws/operator"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/integrations/mango/events/call"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/health/readiness"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/swagger/openapi.yml"));
        assertFalse(SinglePageApp.isPage(HttpMethod.GET, "/robots.txt"));
    }
}
