package org.callcentre.crm.callbacks;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;

@Singleton
public class CallbackService {
    private final CallbackRepository callbacks;
    private final CityDirectory cities;
    private final AuditLog audit;
    private final Clock clock;

    public CallbackService(CallbackRepository callbacks, CityDirectory cities, AuditLog audit, Clock clock) {
        this.callbacks = callbacks;
        this.cities = cities;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Page<Callback> list(String city, String status, PageRequest page, Actor actor) {
        Fields f = new Fields();
        Long cityId = f.attempt("city", () -> cities.optionalId("city", city));
        String wanted = f.oneOf("status", status, Callback.STATUSES, false);
        f.throwIfAny();
        Long scope = actor.cityScope();
        if (scope != null) {
            if (cityId != null && !cityId.equals(scope)) {
                throw ApiException.forbidden("Operators see the callbacks of their own city only");
            }
            cityId = scope;
        }
        return callbacks.list(cityId, wanted, page);
    }

    @Transactional
    public Callback update(long id, String status, String note, Actor actor) {
        Callback current = callbacks.findById(id)
                .filter(c -> actor.cityScope() == null || actor.cityScope().equals(c.cityId()))
                .orElseThrow(() -> ApiException.notFound("Callback " + id));
        Fields f = new Fields();
        String newStatus = status == null ? current.status() : f.oneOf("status", status, Callback.STATUSES, true);
        String newNote = note == null ? current.note() : f.optional("note", note);
        f.throwIfAny();
        if (!current.open() && !newStatus.equals(current.status())) {
            throw ApiException.conflict("Callback " + id + " is " + current.status() + " and cannot change status");
        }
        boolean closing = current.open() && !("open".equals(newStatus) || "in_progress".equals(newStatus));
        Instant closedAt = closing ? clock.instant() : current.closedAt();
        Long operatorId = "in_progress".equals(newStatus) || closing ? actor.id() : current.operatorId();
        callbacks.update(id, newStatus, newNote, operatorId, closedAt);
        audit.record(actor, "update", "callback", id, new Changes().field("status", current.status(), newStatus)
                .field("note", current.note(), newNote).asMap());
        return callbacks.findById(id).orElseThrow();
    }
}
