package org.callcentre.crm.stats;

import java.util.List;

/**
 * Published inside the transaction that deleted these calls and orders (the demo's removal): their facts leave the
 * rollups in that transaction, through the same refresh ingest uses, so the figures drop them exactly.
 */
public record CallsAndOrdersRemoved(List<Long> callIds, List<Long> orderIds) {
}
