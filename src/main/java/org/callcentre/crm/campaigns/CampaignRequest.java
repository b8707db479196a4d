package org.callcentre.crm.campaigns;

import io.micronaut.serde.annotation.Serdeable;

/** Create and update body; on update an absent field keeps its value. */
@Serdeable
public record CampaignRequest(String rk, String city, String phoneAts, String source) {
}
