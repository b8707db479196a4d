package org.callcentre.crm.stats;

import java.util.List;

/**
 * Published inside the transaction that deleted these calls, orders, chats and chat rounds (the demo's removal): their
 * facts leave the rollups in that transaction, through the same refresh ingest and the chats use, so the figures drop
 * them exactly. The rounds are named by the deleter: once their chat is gone, nothing else can find them.
 */
public record CountedRowsRemoved(List<Long> callIds, List<Long> orderIds, List<Long> conversationIds, List<Long> roundIds) {
}
