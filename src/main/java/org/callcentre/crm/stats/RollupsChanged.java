package org.callcentre.crm.stats;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside the transaction that moved rollup figures; the days are local days of whatever
 * zone the facts were counted in. Caches and the wallboard act on it after commit.
 */
public record RollupsChanged(Set<LocalDate> days) {
}
