package org.callcentre.crm.notifications;

/**
 * pending (waiting for its time or its retry), sending (claimed by a worker until its lease runs
 * out), sent, failed (the last attempt failed; no more tries), cancelled (withdrawn before it was
 * sent, e.g. the reminder of a visit whose time changed).
 */
public enum NotificationState {
    pending, sending, sent, failed, cancelled
}
