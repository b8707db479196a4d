package org.callcentre.crm.leads.avito;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code crm.avito.*}: Avito's API address and how often its call tracking is read. */
@ConfigurationProperties("crm.avito")
public record AvitoSettings(String apiUrl, Duration calltrackingInterval) {

    public String base() {
        return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }
}
