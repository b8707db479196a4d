package org.callcentre.crm.tasks;

import java.util.List;

/** A reminder fired (on this node, or on another that told this one): its recipients' sockets get it now. */
public record TaskReminderDue(TaskReminder reminder, List<Long> operatorIds) {
}
