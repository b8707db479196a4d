package org.callcentre.crm.audit;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

/** The admin's view of who did what; writing is {@link AuditLog}'s job. */
@Singleton
public class AuditService {
    private final AuditRepository entries;
    private final CityDirectory cities;

    public AuditService(AuditRepository entries, CityDirectory cities) {
        this.entries = entries;
        this.cities = cities;
    }

    @Transactional
    public Page<AuditEntry> list(String actor, String entity, String dateFrom, String dateTo, PageRequest page) {
        Fields f = new Fields();
        String actorLogin = f.optional("actor", actor);
        String entityName = f.optional("entity", entity);
        f.throwIfAny();
        // The log belongs to no city, so plain dates are days of the default zone.
        DateRange dates = DateRange.parse(dateFrom, dateTo, cities.defaultZone());
        return entries.list(actorLogin, entityName, dates, page);
    }
}
