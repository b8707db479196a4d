package org.callcentre.crm.tasks;

import io.micronaut.serde.annotation.Serdeable;

/** Open tasks in the asker's view: all of them, those past due, those of high priority. */
@Serdeable
public record TaskCounts(long open, long overdue, long high) {
}
