package org.callcentre.crm.tasks;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"type":"task-reminder","task":{…}}} on {@code /ws/operator}: a task came due. */
@Serdeable
public record TaskReminder(String type, Task task) {
    static final String TYPE = "task-reminder";

    static TaskReminder of(Task task) {
        return new TaskReminder(TYPE, task);
    }
}
