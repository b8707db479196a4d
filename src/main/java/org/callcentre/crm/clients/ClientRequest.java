package org.callcentre.crm.clients;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** PATCH body; an absent field keeps its value, a given list replaces the stored one. */
@Serdeable
public record ClientRequest(String name, String city, List<String> tags, List<String> phones, Boolean vip,
                            Boolean doNotServe) {
}
