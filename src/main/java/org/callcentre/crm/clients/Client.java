package org.callcentre.crm.clients;

import java.time.Instant;
import java.util.List;

/** A clients row with its city's name and its phones, oldest phone first. */
public record Client(long id, String name, Long cityId, String city, List<String> phones, List<String> tags,
                     Instant createdAt, Instant updatedAt) {

    public ClientView view() {
        return new ClientView(id, name, city, phones, tags, createdAt, updatedAt);
    }
}
