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
    public Page<ClientView> list(String phone, String q, String tag, PageRequest page, Actor actor) {
        String e164 = PhoneNumbers.optional("phone", phone);
        return clients.list(e164, blankToNull(q), blankToNull(tag), actor.cityScope(), page).map(Client::view);
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
        boolean vip = request.vip() == null ? current.vip() : request.vip();
        boolean doNotServe = request.doNotServe() == null ? current.doNotServe() : request.doNotServe();
        f.check(current.anonymisedAt() == null || request.phones() == null && request.name() == null, "name",
                "the client's personal data was erased; create a new client instead");
        f.throwIfAny();
        Long scope = actor.cityScope();
        if (scope != null && !Objects.equals(cityId, current.cityId()) && !scope.equals(cityId)) {
            throw ApiException.forbidden("Operators move clients only into their own city");
        }
        clients.update(id, name, cityId, tags);
        clients.setFlags(id, vip, doNotServe);
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
                .field("vip", current.vip(), vip)
                .field("doNotServe", current.doNotServe(), doNotServe)
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

    /** Only the author edits a note: a note is what that person wrote. */
    @Transactional
    public ClientNote editNote(long clientId, long noteId, String text, Actor actor) {
        find(clientId, actor);
        ClientNote current = clients.note(clientId, noteId).orElseThrow(() -> ApiException.notFound("Note " + noteId));
        if (current.operatorId() == null || !current.operatorId().equals(actor.id())) {
            throw ApiException.forbidden("Only the author of a note may edit it");
        }
        Fields f = new Fields();
        String note = f.required("text", text);
        f.throwIfAny();
        clients.updateNote(noteId, note);
        audit.record(actor, "update", "client_note", noteId, new Changes().field("text", current.text(), note).asMap());
        return clients.note(noteId);
    }

    /**
     * Folds {@code duplicateId} into {@code id}: phones, notes, calls, orders, chats and call-backs
     * move over, tags join, a blank name or city is filled, a flag set on either stays set; the
     * duplicate is deleted. Audited on the survivor with what came from where.
     */
    @Transactional
    public ClientDetail merge(long id, Long duplicateId, Actor actor) {
        if (duplicateId == null) {
            throw ApiException.badField("duplicateId", "is required");
        }
        if (duplicateId == id) {
            throw ApiException.badField("duplicateId", "must be another client than the one kept");
        }
        clients.lockPair(id, duplicateId);
        Client survivor = find(id, actor);
        Client duplicate = clients.findById(duplicateId)
                .filter(c -> actor.cityScope() == null || c.cityId() == null || actor.cityScope().equals(c.cityId()))
                .orElseThrow(() -> ApiException.badField("duplicateId", "no such client"));
        Set<String> tags = new LinkedHashSet<>(survivor.tags());
        tags.addAll(duplicate.tags());
        clients.moveEverything(duplicateId, id);
        clients.update(id, survivor.name() == null ? duplicate.name() : survivor.name(),
                survivor.cityId() == null ? duplicate.cityId() : survivor.cityId(), new ArrayList<>(tags));
        clients.setFlags(id, survivor.vip() || duplicate.vip(), survivor.doNotServe() || duplicate.doNotServe());
        clients.delete(duplicateId);
        audit.record(actor, "merge", "client", id, new Changes().set("duplicateId", duplicateId)
                .set("duplicateName", duplicate.name()).set("duplicatePhones", duplicate.phones()).asMap());
        return get(id, actor);
    }

    /**
     * Erases the client's personal data on their request (152-ФЗ, art. 21); the audit entry says who
     * did it and when, and names no personal data itself.
     */
    @Transactional
    public ClientDetail anonymise(long id, Actor actor) {
        Client client = find(id, actor);
        if (client.anonymisedAt() == null) {
            clients.anonymise(id);
            audit.record(actor, "anonymise", "client", id, Map.of("phones", client.phones().size()));
        }
        return get(id, actor);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The client if the actor may see it, else a 404 (another city's client is not shown to exist). */
    public Client visible(long id, Actor actor) {
        return find(id, actor);
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
