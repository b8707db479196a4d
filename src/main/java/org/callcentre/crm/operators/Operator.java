package org.callcentre.crm.operators;

import org.callcentre.crm.auth.Role;

import java.time.Instant;

/** An operators row with its city's name. */
public record Operator(long id, String login, String passwordHash, String name, Role role, Long cityId,
                       String city, String status, String statusWork, String sipAddress,
                       Instant createdAt, Instant updatedAt) {

    public static final java.util.List<String> STATUSES = java.util.List.of("active", "inactive", "on_leave");
    public static final java.util.List<String> WORK_STATUSES = java.util.List.of("working", "break", "offline");

    public boolean active() {
        return "active".equals(status);
    }

    public OperatorView view() {
        return new OperatorView(id, login, name, role, city, sipAddress, status, statusWork, createdAt, updatedAt);
    }
}
