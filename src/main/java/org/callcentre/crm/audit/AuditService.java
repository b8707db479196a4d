package org.callcentre.crm.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.time.ZoneId;

/** The admin's view of who did what; writing is {@link AuditLog}'s job. */
@Singleton
public class AuditService {
    private final AuditRepository entries;
    private final ZoneId defaultZone;

    public AuditService(AuditRepository entries, @Value("${crm.default-timezone:Europe/Moscow}") ZoneId defaultZone) {
        this.entries = entries;
        this.defaultZone = defaultZone;
    }

    @Transactional
    public Page<AuditEntry> list(String actor, String entity, String dateFrom, String dateTo, PageRequest page) {
        Fields f = new Fields();
        String actorLogin = f.optional("actor", actor);
        String entityName = f.optional("entity", entity);
        f.throwIfAny();
        // The log belongs to no city, so plain dates are days of the default zone.
        DateRange dates = DateRange.parse(dateFrom, dateTo, defaultZone);
        return entries.list(actorLogin, entityName, dates, page);
    }
}
