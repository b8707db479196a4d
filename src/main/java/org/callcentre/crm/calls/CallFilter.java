package org.callcentre.crm.calls;

import org.callcentre.crm.shared.DateRange;

/**
 * The validated filters of a call list, combined with AND.
 *
 * @param cityScope the only city the actor may see; null when they see every city
 * @param cityId    the city the client asked for
 * @param text      words to find in the call's transcript (PostgreSQL full-text search, Russian stemming)
 */
public record CallFilter(Long cityScope, DateRange dates, Long operatorId, String status, Long cityId, String rk,
                         String direction, String clientPhone, String text) {
}
