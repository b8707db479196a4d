package org.callcentre.crm.tasks;

public enum TaskStatus {
    open, done, cancelled
}
