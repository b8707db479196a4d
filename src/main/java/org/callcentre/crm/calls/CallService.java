package org.callcentre.crm.calls;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Objects;

@Singleton
public class CallService {
    private static final int MAX_RK = 200;
    private static final int MAX_TEXT = 200;

    private final CallRepository calls;
    private final CityDirectory cities;
    private final AuditLog audit;

    public CallService(CallRepository calls, CityDirectory cities, AuditLog audit) {
        this.calls = calls;
        this.cities = cities;
        this.audit = audit;
    }

    @Transactional
    public Page<Call> list(CallListRequest request, PageRequest page, Actor actor) {
        return calls.list(filter(request, actor), page);
    }

    @Transactional
    public Call get(long id, Actor actor) {
        return find(id, actor);
    }

    @Transactional
    public Call annotate(long id, CallAnnotation request, Actor actor) {
        Call current = find(id, actor);
        Fields f = new Fields();
        String disposition = request.disposition() == null ? current.disposition() : f.optional("disposition", request.disposition());
        String note = request.note() == null ? current.note() : f.optional("note", request.note());
        f.throwIfAny();
        calls.annotate(id, disposition, note);
        audit.record(actor, "update", "call", id, new Changes()
                .field("disposition", current.disposition(), disposition)
                .field("note", current.note(), note).asMap());
        return find(id, actor);
    }

    /** The list's filters, validated and scoped to what the actor may see; the call export reuses them. */
    public CallFilter filter(CallListRequest request, Actor actor) {
        Fields f = new Fields();
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        String status = f.oneOf("status", request.status(), Call.STATUSES, false);
        String direction = f.oneOf("direction", request.direction(), Call.DIRECTIONS, false);
        String rk = f.optional("rk", request.rk(), MAX_RK);
        String phone = f.attempt("phone", () -> PhoneNumbers.optional("phone", request.phone()));
        String text = f.optional("text", request.text(), MAX_TEXT);
        f.throwIfAny();
        // Plain dates are days of the city asked for; the city must be known before they can be read.
        DateRange dates = DateRange.parse(request.dateFrom(), request.dateTo(), cities.zone(cityId));
        return new CallFilter(actor.cityScope(), dates, request.operatorId(), status, cityId, rk, direction, phone, text);
    }

    /** A call of another city is reported missing rather than forbidden, so ids do not reveal other cities' traffic. */
    private Call find(long id, Actor actor) {
        Long scope = actor.cityScope();
        return calls.findById(id)
                .filter(call -> scope == null || Objects.equals(scope, call.cityId()))
                .orElseThrow(() -> ApiException.notFound("Call " + id));
    }
}
