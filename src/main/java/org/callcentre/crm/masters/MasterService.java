package org.callcentre.crm.masters;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Singleton
public class MasterService {
    private static final int MAX_CITIES = 100;

    private final MasterRepository masters;
    private final CityDirectory cities;
    private final AuditLog audit;

    public MasterService(MasterRepository masters, CityDirectory cities, AuditLog audit) {
        this.masters = masters;
        this.cities = cities;
        this.audit = audit;
    }

    @Transactional
    public Page<Master> list(String city, String status, String q, Actor actor, PageRequest page) {
        Fields f = new Fields();
        Long cityId = f.attempt("city", () -> cities.optionalId("city", city));
        String statusFilter = f.oneOf("status", status, Master.STATUSES, false);
        f.throwIfAny();
        return masters.list(cityId, statusFilter, q == null || q.isBlank() ? null : q.trim(), actor.cityScope(), page);
    }

    /** An operator sees only the masters who serve their city. */
    @Transactional
    public Master get(long id, Actor actor) {
        return masters.findById(id, actor.cityScope()).orElseThrow(() -> ApiException.notFound("Master " + id));
    }

    @Transactional
    public Master create(MasterRequest request, Actor actor) {
        Fields f = new Fields();
        String name = f.required("name", request.name(), 200);
        String phone = f.attempt("phone", () -> PhoneNumbers.optional("phone", request.phone()));
        List<Long> cityIds = request.cities() == null ? List.of() : cityIds(f, request.cities());
        String status = f.oneOf("status", request.status(), Master.STATUSES, false);
        String note = f.optional("note", request.note());
        f.throwIfAny();
        if (phone != null && masters.phoneTaken(phone, null)) {
            throw ApiException.conflict("Phone " + phone + " belongs to another master");
        }
        long id = masters.insert(name, phone, status == null ? "active" : status, note);
        masters.replaceCities(id, cityIds);
        Master created = find(id);
        audit.record(actor, "create", "master", id, new Changes().set("name", name).set("phone", phone)
                .set("cities", created.cities()).set("status", created.status()).set("note", note).asMap());
        return created;
    }

    @Transactional
    public Master update(long id, MasterRequest request, Actor actor) {
        Master current = find(id);
        Fields f = new Fields();
        String name = request.name() == null ? current.name() : f.required("name", request.name(), 200);
        String phone = request.phone() == null ? current.phone()
                : f.attempt("phone", () -> PhoneNumbers.optional("phone", request.phone()));
        List<Long> cityIds = request.cities() == null ? null : cityIds(f, request.cities());
        String status = request.status() == null ? current.status() : f.oneOf("status", request.status(), Master.STATUSES, true);
        String note = request.note() == null ? current.note() : f.optional("note", request.note());
        f.throwIfAny();
        if (phone != null && !phone.equals(current.phone()) && masters.phoneTaken(phone, id)) {
            throw ApiException.conflict("Phone " + phone + " belongs to another master");
        }
        masters.update(id, name, phone, status, note);
        if (cityIds != null) {
            masters.replaceCities(id, cityIds);
        }
        Master updated = find(id);
        audit.record(actor, "update", "master", id, new Changes()
                .field("name", current.name(), updated.name())
                .field("phone", current.phone(), updated.phone())
                .field("cities", current.cities(), updated.cities())
                .field("status", current.status(), updated.status())
                .field("note", current.note(), updated.note()).asMap());
        return updated;
    }

    @Transactional
    public void delete(long id, Actor actor) {
        Master current = find(id);
        if (masters.hasOrders(id)) {
            throw ApiException.conflict("Master " + current.name() + " has orders; set status 'inactive' instead");
        }
        masters.delete(id);
        audit.record(actor, "delete", "master", id, Map.of("name", current.name()));
    }

    private Master find(long id) {
        return masters.findById(id, null).orElseThrow(() -> ApiException.notFound("Master " + id));
    }

    /** The ids of the named cities; every unknown name is listed in one message on {@code cities}. */
    private List<Long> cityIds(Fields f, Object raw) {
        List<String> names = JsonValues.strings(f, "cities", raw);
        f.check(names.size() <= MAX_CITIES, "cities", "must name at most " + MAX_CITIES + " cities");
        if (f.has("cities")) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                f.check(false, "cities", "must not contain empty names");
            } else {
                cities.findId(name).ifPresentOrElse(ids::add, () -> unknown.add(name.trim()));
            }
        }
        f.check(unknown.isEmpty(), "cities", "unknown " + (unknown.size() == 1 ? "city" : "cities") + ": " + String.join(", ", unknown));
        return List.copyOf(ids);
    }
}
