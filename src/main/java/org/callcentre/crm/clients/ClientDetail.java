package org.callcentre.crm.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.orders.OrderView;

import java.time.Instant;
import java.util.List;

/** The client card: the client and everything an operator needs while talking to them. */
@Serdeable
public record ClientDetail(long id, @Nullable String name, @Nullable String city, List<String> phones, List<String> tags,
                           boolean vip, boolean doNotServe, boolean anonymised, @Nullable Instant lastContactAt,
                           Instant createdAt, Instant updatedAt, List<ClientNote> notes, List<OrderView> orders,
                           List<ClientCall> lastCalls) {

    static ClientDetail of(Client client, List<ClientNote> notes, List<OrderView> orders, List<ClientCall> lastCalls) {
        return new ClientDetail(client.id(), client.name(), client.city(), client.phones(), client.tags(),
                client.vip(), client.doNotServe(), client.anonymisedAt() != null, client.lastContactAt(),
                client.createdAt(), client.updatedAt(), notes, orders, lastCalls);
    }
}
