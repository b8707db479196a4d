package org.callcentre.crm.tasks;

public enum TaskPriority {
    low, normal, high
}
