package org.callcentre.crm.timeline;

/**
 * The sources of a client's timeline. Entries of one instant are ordered by this declaration,
 * last first, so that a cursor names one place in the merged order.
 */
public enum TimelineKind {
    note, callback, order, chat, call
}
