package org.callcentre.crm.cities;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Singleton
public class CityService {
    /** 30 days: a longer chat target is a typo, not a policy. */
    static final int MAX_SLA_SECONDS = 30 * 24 * 3600;
    private final CityRepository cities;
    private final AuditLog audit;
    private final ApplicationEventPublisher<CityTimeZoneChanged> zoneChanges;

    public CityService(CityRepository cities, AuditLog audit, ApplicationEventPublisher<CityTimeZoneChanged> zoneChanges) {
        this.cities = cities;
        this.audit = audit;
        this.zoneChanges = zoneChanges;
    }

    @Transactional
    public Page<City> list(PageRequest page) {
        return cities.list(page);
    }

    @Transactional
    public City get(long id) {
        return find(id);
    }

    @Transactional
    public City create(CityRequest request, Actor actor) {
        Fields f = new Fields();
        String name = f.required("name", request.name(), 100);
        String timezone = timezone(f, request.timezone());
        Map<String, DayHours> week = request.workingHours() == null ? Map.of() : WorkingHours.parse(f, request.workingHours());
        Integer firstResponse = slaTarget(f, "chatFirstResponseSeconds", request.chatFirstResponseSeconds(), null);
        Integer resolution = slaTarget(f, "chatResolutionSeconds", request.chatResolutionSeconds(), null);
        f.throwIfAny();
        if (cities.nameTaken(name, null)) {
            throw ApiException.conflict("City '" + name + "' already exists");
        }
        long id = cities.insert(name, timezone, week, firstResponse, resolution);
        audit.record(actor, "create", "city", id, new Changes().set("name", name).set("timezone", timezone)
                .set("workingHours", week).set("chatFirstResponseSeconds", firstResponse).set("chatResolutionSeconds", resolution).asMap());
        return find(id);
    }

    @Transactional
    public City update(long id, CityRequest request, Actor actor) {
        City current = find(id);
        Fields f = new Fields();
        String name = request.name() == null ? current.name() : f.required("name", request.name(), 100);
        String timezone = request.timezone() == null ? current.timezone() : timezone(f, request.timezone());
        Map<String, DayHours> week = request.workingHours() == null ? current.workingHours()
                : WorkingHours.parse(f, request.workingHours());
        Integer firstResponse = slaTarget(f, "chatFirstResponseSeconds", request.chatFirstResponseSeconds(), current.chatFirstResponseSeconds());
        Integer resolution = slaTarget(f, "chatResolutionSeconds", request.chatResolutionSeconds(), current.chatResolutionSeconds());
        f.throwIfAny();
        if (!name.equals(current.name()) && cities.nameTaken(name, id)) {
            throw ApiException.conflict("City '" + name + "' already exists");
        }
        City updated = new City(id, name, timezone, week, firstResponse, resolution, current.createdAt(), current.updatedAt());
        cities.update(updated);
        if (!timezone.equals(current.timezone())) {
            zoneChanges.publishEvent(new CityTimeZoneChanged(id, current.timezone(), timezone));
        }
        audit.record(actor, "update", "city", id, changes(current, updated));
        return find(id);
    }

    @Transactional
    public void delete(long id, Actor actor) {
        City current = find(id);
        List<String> usedBy = cities.usedBy(id);
        if (!usedBy.isEmpty()) {
            throw ApiException.conflict("City '" + current.name() + "' is used by " + String.join(", ", usedBy)
                    + " and cannot be deleted");
        }
        cities.delete(id);
        audit.record(actor, "delete", "city", id, Map.of("name", current.name()));
    }

    private City find(long id) {
        return cities.findById(id).orElseThrow(() -> ApiException.notFound("City " + id));
    }

    /** An IANA region id such as Europe/Moscow; bare offsets would ignore daylight-saving rules. */
    private static String timezone(Fields f, String raw) {
        String timezone = f.required("timezone", raw, 64);
        f.check(timezone == null || ZoneId.getAvailableZoneIds().contains(timezone), "timezone",
                "must be an IANA time zone such as Europe/Moscow");
        return timezone;
    }

    /** Seconds of working time, at most {@value #MAX_SLA_SECONDS}; absent keeps {@code current}, 0 removes the target. */
    private static Integer slaTarget(Fields f, String field, Integer requested, Integer current) {
        if (requested == null) {
            return current;
        }
        f.check(requested >= 0 && requested <= MAX_SLA_SECONDS, field, "must be seconds from 0 (no target) to " + MAX_SLA_SECONDS);
        return requested == 0 ? null : requested;
    }

    private static Map<String, Object> changes(City before, City after) {
        Changes changes = new Changes()
                .field("name", before.name(), after.name())
                .field("timezone", before.timezone(), after.timezone())
                .field("chatFirstResponseSeconds", before.chatFirstResponseSeconds(), after.chatFirstResponseSeconds())
                .field("chatResolutionSeconds", before.chatResolutionSeconds(), after.chatResolutionSeconds());
        if (!before.workingHours().equals(after.workingHours())) {
            // kept as JSON objects rather than the strings Changes.field makes, so the log stays readable
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before.workingHours());
            change.put("to", after.workingHours());
            changes.set("workingHours", change);
        }
        return changes.asMap();
    }
}
