package org.callcentre.crm.campaigns;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record CampaignView(long id, String rk, String city, String phoneAts, String source,
                           Instant createdAt, Instant updatedAt) {
}
