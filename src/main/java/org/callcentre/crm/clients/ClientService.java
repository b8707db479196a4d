package org.callcentre.crm.clients;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.orders.Order;
import org.callcentre.crm.orders.OrderRepository;
import org.callcentre.crm.orders.OrderView;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Operators read the clients of their own city, and clients not yet tied to any city (a first
 * call from a number no campaign knows); the orders on a card follow the same city scope.
 */
@Singleton
public class ClientService {
    private static final int MAX_PHONES = 20;
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 50;

    private final ClientRepository clients;
    private final OrderRepository orders;
    private final CityDirectory cities;
    private final AuditLog audit;

    public ClientService(ClientRepository clients, OrderRepository orders, CityDirectory cities, AuditLog audit) {
        this.clients = clients;
        this.orders = orders;
        this.cities = cities;
        this.audit = audit;
    }

    @Transactional
    public Page<ClientView> list(String phone, String q, PageRequest page, Actor actor) {
        String e164 = PhoneNumbers.optional("phone", phone);
        return clients.list(e164, q == null || q.isBlank() ? null : q.trim(), actor.cityScope(), page).map(Client::view);
    }

    @Transactional
    public ClientDetail get(long id, Actor actor) {
        Client client = find(id, actor);
        List<OrderView> clientOrders = orders.forClient(id, actor.cityScope()).stream()
                .map(Order::view).toList();
        return ClientDetail.of(client, clients.notes(id), clientOrders, clients.lastCalls(id, actor.cityScope()));
    }

    @Transactional
    public ClientDetail update(long id, ClientRequest request, Actor actor) {
        Client current = find(id, actor);
        Fields f = new Fields();
        String name = request.name() == null ? current.name() : f.optional("name", request.name(), 200);
        Long cityId = request.city() == null ? current.cityId() : f.attempt("city", () -> cities.optionalId("city", request.city()));
        List<String> tags = request.tags() == null ? current.tags() : tags(f, request.tags());
        List<String> phones = request.phones() == null ? current.phones() : phones(f, request.phones());
        f.throwIfAny();
        Long scope = actor.cityScope();
        if (scope != null && !Objects.equals(cityId, current.cityId()) && !scope.equals(cityId)) {
            throw ApiException.forbidden("Operators move clients only into their own city");
        }
        clients.update(id, name, cityId, tags);
        if (request.phones() != null) {
            clients.removePhonesExcept(id, phones);
            for (String phone : phones) {
                if (!clients.claimPhone(id, phone)) {
                    throw ApiException.conflict("Phone " + phone + " belongs to another client");
                }
            }
        }
        audit.record(actor, "update", "client", id, new Changes()
                .field("name", current.name(), name)
                .field("cityId", current.cityId(), cityId)
                .field("tags", current.tags(), tags)
                .field("phones", current.phones(), phones)
                .asMap());
        return get(id, actor);
    }

    @Transactional
    public ClientNote addNote(long clientId, String text, Actor actor) {
        find(clientId, actor);
        Fields f = new Fields();
        String note = f.required("text", text);
        f.throwIfAny();
        long id = clients.insertNote(clientId, actor.id(), note);
        audit.record(actor, "create", "client_note", id, Map.of("clientId", clientId, "text", note));
        return clients.note(id);
    }

    private Client find(long id, Actor actor) {
        Long scope = actor.cityScope();
        return clients.findById(id)
                .filter(c -> scope == null || c.cityId() == null || scope.equals(c.cityId()))
                .orElseThrow(() -> ApiException.notFound("Client " + id));
    }

    /** Trimmed, without blanks or repeats, in the given order. */
    private static List<String> tags(Fields f, List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String trimmed = f.optional("tags", tag, MAX_TAG_LENGTH);
            if (trimmed != null) {
                tags.add(trimmed);
            }
        }
        f.check(tags.size() <= MAX_TAGS, "tags", "must be at most " + MAX_TAGS + " tags");
        return new ArrayList<>(tags);
    }

    /** E.164, without repeats; a client is found by phone, so at least one stays. */
    private static List<String> phones(Fields f, List<String> raw) {
        Set<String> phones = new LinkedHashSet<>();
        for (String phone : raw) {
            Optional<String> e164 = PhoneNumbers.normalize(phone);
            f.check(e164.isPresent(), "phones", "'" + phone + "' is not a valid phone number");
            e164.ifPresent(phones::add);
        }
        f.check(!raw.isEmpty(), "phones", "must contain at least one phone");
        f.check(raw.size() <= MAX_PHONES, "phones", "must be at most " + MAX_PHONES + " phones");
        return new ArrayList<>(phones);
    }
}
