package org.callcentre.crm.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series from the service's {@code /prometheus} scrape (open to this host). */
public final class Scrape {
    private Scrape() {
    }

    /** @throws AssertionError when the series is not in the scrape */
    public static double value(HttpClient client, String series) {
        return value(client.toBlocking().retrieve(HttpRequest.GET("/prometheus")), series);
    }

    /** @throws AssertionError when the series is not in the scrape */
    public static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(scrape);
        if (!m.find()) {
            throw new AssertionError(series + " not in the scrape:\n" + scrape);
        }
        return Double.parseDouble(m.group(1));
    }
}
