package org.callcentre.crm.orders;

import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiException;

import java.util.List;
import java.util.Map;

/** The order status machine: which moves each status allows, and which of them need a manager. */
final class OrderLifecycle {
    static final String NEW = "new";
    static final List<String> STATUSES = List.of(NEW, "assigned", "in_progress", "completed", "cancelled");
    private static final List<String> CLOSED = List.of("completed", "cancelled");
    private static final Map<String, List<String>> NEXT = Map.of(
            NEW, List.of("assigned", "cancelled"),
            "assigned", List.of("in_progress", NEW, "cancelled"),
            "in_progress", List.of("completed", "cancelled"),
            "cancelled", List.of(NEW),
            "completed", List.of());

    private OrderLifecycle() {
    }

    /** A 409 naming the allowed moves for a move the machine lacks; a 403 for an operator reopening a cancelled order. */
    static void checkMove(String from, String to, Role role) {
        if (from.equals(to)) {
            return;
        }
        List<String> allowed = NEXT.get(from);
        if (!allowed.contains(to)) {
            throw ApiException.conflict("Order status cannot change from " + from + " to " + to + "; allowed: "
                    + (allowed.isEmpty() ? "none, " + from + " is final" : String.join(", ", allowed)));
        }
        // A cancellation is often the client's own decision; undoing it is a manager's call.
        if ("cancelled".equals(from) && role == Role.operator) {
            throw ApiException.forbidden("Only a supervisor or an admin can reopen a cancelled order");
        }
    }

    static boolean closed(String status) {
        return CLOSED.contains(status);
    }
}
