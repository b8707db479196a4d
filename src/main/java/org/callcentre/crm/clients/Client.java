package org.callcentre.crm.clients;

import java.time.Instant;
import java.util.List;

/**
 * A clients row with its city's name and its phones, oldest phone first.
 *
 * @param lastContactAt the latest call or chat message with the client, read with the row
 */
public record Client(long id, String name, Long cityId, String city, List<String> phones, List<String> tags,
                     boolean vip, boolean doNotServe, Instant anonymisedAt, Instant lastContactAt,
                     Instant createdAt, Instant updatedAt) {

    public ClientView view() {
        return new ClientView(id, name, city, phones, tags, vip, doNotServe, anonymisedAt != null, lastContactAt,
                createdAt, updatedAt);
    }
}
