package org.callcentre.crm.telephony.mango;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signed requests to the Mango Office API ({@code <api-url>/commands/…}), in the same form Mango
 * uses for its webhooks: {@code vpbx_api_key}, {@code sign}, {@code json}.
 */
@Singleton
public class MangoCommands {
    private final MangoSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public MangoCommands(MangoSettings settings) {
        this.settings = settings;
    }

    /** Sends a command and returns Mango's JSON answer; a non-2xx answer is an {@link IOException}. */
    public String send(String path, String json) throws IOException {
        if (!settings.configured() || settings.apiUrl() == null) {
            throw new IOException("Mango Office API is not configured (CRM_MANGO_API_KEY, CRM_MANGO_API_SALT, CRM_MANGO_API_URL)");
        }
        HttpRequest request = signedPost(settings, path, json, Duration.ofSeconds(10));
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("Mango answered " + response.statusCode() + " to " + path + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling Mango", e);
        }
    }

    /** A POST to {@code <api-url>/<path>} in Mango's signed form: {@code vpbx_api_key}, {@code sign}, {@code json}. */
    static HttpRequest signedPost(MangoSettings settings, String path, String json, Duration timeout) {
        String base = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        String form = "vpbx_api_key=" + encode(settings.apiKey())
                + "&sign=" + encode(MangoSignature.sign(settings.apiKey(), json, settings.apiSalt()))
                + "&json=" + encode(json);
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
