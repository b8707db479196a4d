package org.callcentre.crm.tasks;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Create and update body; on update an absent field keeps its value.
 *
 * @param dueAt    an ISO-8601 instant with its offset, e.g. {@code 2026-03-01T18:00:00+03:00}
 * @param assignee {@code me} (the default on create), {@code city} (whoever of the task's city takes
 *                 it) or an operator's id
 * @param city     the city of a city task, for supervisors and admins; an operator's is their own
 */
@Serdeable
public record TaskRequest(String kind, String title, String note, String dueAt, String assignee, String city,
                          String priority, Long clientId, String phone, Long callId, Long orderId, Long conversationId,
                          String status) {
}
