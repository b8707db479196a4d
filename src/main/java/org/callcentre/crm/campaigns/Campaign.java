package org.callcentre.crm.campaigns;

import java.time.Instant;

/** A campaigns row with its city's name. */
public record Campaign(long id, String rk, long cityId, String city, String phoneAts, String source,
                       Instant createdAt, Instant updatedAt) {

    public CampaignView view() {
        return new CampaignView(id, rk, city, phoneAts, source, createdAt, updatedAt);
    }
}
