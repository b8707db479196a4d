package org.callcentre.crm.tasks;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;
import org.callcentre.crm.notifications.Notification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.NotificationSender;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Fires the task reminders the outbox worker claimed (one node claims each row). Whether it fires
 * is decided in the database ({@link TaskRepository#markReminded}); the reminder is then published as
 * a {@link TaskReminderDue}, which {@code live} pushes to the recipients' sockets, on this node and,
 * through the cluster channel after the commit, on the others. A recipient with no socket anywhere
 * gets it when their browser next connects ({@code GET /api/tasks/reminders}).
 */
@Singleton
class TaskReminderSender implements NotificationSender {
    static final String TOPIC = "task-reminder";

    private final TaskRepository tasks;
    private final ApplicationEventPublisher<TaskReminderDue> due;
    private final ClusterBus bus;
    private final Clock clock;

    TaskReminderSender(TaskRepository tasks, ApplicationEventPublisher<TaskReminderDue> due, ClusterBus bus, Clock clock) {
        this.tasks = tasks;
        this.due = due;
        this.bus = bus;
        this.clock = clock;
    }

    @Serdeable
    record Fired(long taskId, List<Long> operatorIds) {
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.operator;
    }

    @Override
    public String send(Notification notification) throws DeliveryFailure {
        if (!TaskService.REMINDER.equals(notification.purpose())) {
            throw new DeliveryFailure("operator notifications of purpose " + notification.purpose() + " have no sender", true);
        }
        Optional<Fired> fired = fire(notification.id());
        fired.ifPresent(this::push);
        // the reminder went out now, or the task was done, moved or reminded before: either way this row is finished
        return fired.map(f -> "pushed to " + f.operatorIds().size()).orElse("not due any more");
    }

    @Transactional
    Optional<Fired> fire(long notificationId) {
        return tasks.markReminded(notificationId, clock.instant()).map(taskId -> {
            Fired fired = new Fired(taskId, tasks.recipients(tasks.find(taskId).orElseThrow()));
            bus.publish(TOPIC, fired);
            return fired;
        });
    }

    @EventListener
    void onPeerMessage(PeerMessage message) {
        if (TOPIC.equals(message.topic())) {
            push(bus.read(message, Fired.class));
        }
    }

    private void push(Fired fired) {
        tasks.find(fired.taskId()).filter(Task::open)
                .ifPresent(task -> due.publishEvent(new TaskReminderDue(TaskReminder.of(task), fired.operatorIds())));
    }
}
