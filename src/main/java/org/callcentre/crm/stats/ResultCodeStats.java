package org.callcentre.crm.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One disposition's (or cancel reason's) figures for a period.
 *
 * @param count             handled calls with this disposition; cancelled orders with this reason
 * @param averageTalkSeconds of those calls whose talk is known; null for reasons and for none
 */
@Serdeable
public record ResultCodeStats(long id, String name, long count, @Nullable Long averageTalkSeconds) {
}
