package org.callcentre.crm.leads;

import io.micronaut.serde.annotation.Serdeable;

/** A request left on the website; {@code externalId} is the website's own id for it. */
@Serdeable
public record LeadRequest(String externalId, String phone, String name, String city, String rk, String problem,
                          String address) {
}
