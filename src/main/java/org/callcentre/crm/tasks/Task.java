package org.callcentre.crm.tasks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A task as the list and the reminder show it.
 *
 * @param assigneeId null: anyone of {@code city} takes it
 * @param overdue    open and past its due time, as of the read
 * @param missed     a call-back opened by missed calls ({@code missedCount} of them, {@code callId} the latest),
 *                   closed by the answered call {@code closedByCallId}
 */
@Serdeable
public record Task(long id, TaskKind kind, String title, @Nullable String note, @Nullable Long cityId, @Nullable String city,
                   @Nullable Long assigneeId, @Nullable String assignee, @Nullable String createdBy,
                   @Nullable Long clientId, @Nullable String clientName, @Nullable String phone, @Nullable Long callId,
                   @Nullable Long orderId, @Nullable Long conversationId, TaskPriority priority, TaskStatus status,
                   Instant dueAt, boolean overdue, @Nullable Instant remindedAt, @Nullable Instant doneAt, Instant createdAt,
                   boolean missed, int missedCount, @Nullable Long closedByCallId) {

    boolean open() {
        return status == TaskStatus.open;
    }
}
