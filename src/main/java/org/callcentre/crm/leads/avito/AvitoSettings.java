package org.callcentre.crm.leads.avito;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code crm.avito.*}: Avito's API address, how often its call tracking is read, and where the chat's
 * pictures may be fetched from.
 *
 * @param imageHosts   hosts (each with its subdomains) the image proxy fetches clients' pictures from
 * @param imageMaxSize a larger picture is not passed on (counted as it arrives)
 */
@ConfigurationProperties("crm.avito")
public record AvitoSettings(String apiUrl, Duration calltrackingInterval,
                            @Bindable(defaultValue = "img.avito.st") List<String> imageHosts,
                            @ReadableBytes @Bindable(defaultValue = "10MB") long imageMaxSize) {

    public String base() {
        return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /** Whether {@code host} is one of {@link #imageHosts} or a subdomain of one. */
    boolean imageHostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return imageHosts.stream().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .anyMatch(allowed -> !allowed.isEmpty() && (h.equals(allowed) || h.endsWith("." + allowed)));
    }
}
