package org.callcentre.crm.tasks;

/** A plain task, or a call-back: calling a client back at a time (it needs a number). */
public enum TaskKind {
    task, callback
}
