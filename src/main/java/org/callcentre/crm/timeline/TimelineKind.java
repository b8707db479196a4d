package org.callcentre.crm.timeline;

/**
 * The sources of a client's timeline ({@code task}: tasks, scheduled call-backs and missed-call call-backs about the client). Entries of one instant are ordered by this declaration,
 * last first, so that a cursor names one place in the merged order.
 */
public enum TimelineKind {
    task, note, order, chat, call
}
