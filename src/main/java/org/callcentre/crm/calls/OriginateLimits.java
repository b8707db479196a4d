package org.callcentre.crm.calls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code crm.originate.*}: where click-to-call may dial and how often, so that a stolen or careless
 * operator account cannot run up the company's phone bill.
 *
 * @param allowedPrefixes the E.164 beginnings a dialled number must have; by default Russian mobile and
 *                        geographic numbers and 8-800 (no premium-rate 8-809, nothing abroad: not Kazakhstan's +76 and +77 either)
 * @param maxPerUser      calls one user may place inside {@code window}
 */
@ConfigurationProperties("crm.originate")
public record OriginateLimits(
        @Bindable(defaultValue = "+73,+74,+79,+781,+782,+783,+784,+785,+786,+787,+7800") List<String> allowedPrefixes,
        @Bindable(defaultValue = "30") int maxPerUser,
        @Bindable(defaultValue = "10m") Duration window) {

    boolean allows(String e164) {
        return allowedPrefixes.stream().map(String::trim).anyMatch(prefix -> !prefix.isEmpty() && e164.startsWith(prefix));
    }
}
