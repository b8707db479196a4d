package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.tasks.TaskReminderDue;

/** A task reminder goes to each recipient's sockets on this node. */
@Singleton
class TaskReminderPushes {
    private final LiveSockets sockets;

    TaskReminderPushes(LiveSockets sockets) {
        this.sockets = sockets;
    }

    @EventListener
    void onDue(TaskReminderDue due) {
        due.operatorIds().forEach(id -> sockets.toOperator(id, due.reminder()));
    }
}
