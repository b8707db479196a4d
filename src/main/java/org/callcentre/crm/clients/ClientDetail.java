package org.callcentre.crm.clients;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.orders.OrderView;

import java.time.Instant;
import java.util.List;

/** The client card: the client and everything an operator needs while talking to them. */
@Serdeable
public record ClientDetail(long id, String name, String city, List<String> phones, List<String> tags,
                           Instant createdAt, Instant updatedAt, List<ClientNote> notes, List<OrderView> orders,
                           List<ClientCall> lastCalls) {

    static ClientDetail of(Client client, List<ClientNote> notes, List<OrderView> orders, List<ClientCall> lastCalls) {
        return new ClientDetail(client.id(), client.name(), client.city(), client.phones(), client.tags(),
                client.createdAt(), client.updatedAt(), notes, orders, lastCalls);
    }
}
