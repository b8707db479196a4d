package org.callcentre.crm.clients;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.orders.OrderClients;

import java.util.Optional;

/**
 * The client behind a phone number, created on first contact. Orders, website leads and call
 * ingest all come in by phone, and must all land on the same client card.
 */
@Singleton
public class ClientDirectory implements OrderClients {
    private final ClientRepository clients;
    private final AuditLog audit;

    public ClientDirectory(ClientRepository clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    /** For callers with no person behind them, such as call ingest. */
    @Transactional
    public long findOrCreateByPhone(String e164, String name, Long cityId) {
        return findOrCreateByPhone(e164, name, cityId, Actor.system("client-directory"));
    }

    /**
     * @param name   fills in the name of an existing client who has none, e.g. one first met on a call
     * @param cityId likewise for the city
     */
    @Override
    @Transactional
    public long findOrCreateByPhone(String e164, String name, Long cityId, Actor actor) {
        Optional<Long> existing = clients.idByPhone(e164);
        if (existing.isPresent()) {
            fillBlanks(existing.get(), name, cityId, actor);
            return existing.get();
        }
        long created = clients.insert(name, cityId);
        if (clients.claimPhone(created, e164)) {
            audit.record(actor, "create", "client", created, new Changes().set("phone", e164).set("name", name)
                    .set("cityId", cityId).asMap());
            return created;
        }
        // Another request created a client for this phone after our lookup; join that one.
        clients.delete(created);
        long winner = clients.idByPhone(e164).orElseThrow(() -> new IllegalStateException("Phone " + e164 + " has no client"));
        fillBlanks(winner, name, cityId, actor);
        return winner;
    }

    private void fillBlanks(long id, String name, Long cityId, Actor actor) {
        Client client = clients.findById(id).orElseThrow(() -> new IllegalStateException("Client " + id + " vanished"));
        String newName = client.name() == null ? name : client.name();
        Long newCityId = client.cityId() == null ? cityId : client.cityId();
        Changes changes = new Changes().field("name", client.name(), newName).field("cityId", client.cityId(), newCityId);
        if (!changes.asMap().isEmpty()) {
            clients.update(id, newName, newCityId, client.tags());
            audit.record(actor, "update", "client", id, changes.asMap());
        }
    }
}
