package org.callcentre.crm.orders;

import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The order status machine: which moves each status allows, and which of them need a manager. */
final class OrderLifecycle {
    static final String NEW = "new";
    static final String COMPLETED = "completed";
    static final String CANCELLED = "cancelled";
    static final List<String> STATUSES = List.of(NEW, "assigned", "in_progress", COMPLETED, CANCELLED);
    private static final List<String> CLOSED = List.of(COMPLETED, "cancelled");
    private static final Map<String, List<String>> NEXT = Map.of(
            NEW, List.of("assigned", "cancelled"),
            "assigned", List.of("in_progress", NEW, "cancelled"),
            "in_progress", List.of(COMPLETED, "cancelled"),
            "cancelled", List.of(NEW),
            COMPLETED, List.of());

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

    /**
     * The one completion rule (workspace and notifications follow it): an order is completed with the amounts the
     * reports add up — what the client paid and what the work cost — and once completed only a supervisor or an
     * admin changes them (the update's audit row keeps both values).
     */
    static void checkAmounts(Order current, OrderFields after, String status, Role role) {
        if (COMPLETED.equals(status)) {
            Fields f = new Fields();
            f.check(after.result() != null, "result", "is required to complete an order");
            f.check(after.expenditure() != null, "expenditure", "is required to complete an order");
            f.throwIfAny();
        }
        OrderFields before = current.fields();
        boolean amountsChange = differ(before.result(), after.result()) || differ(before.expenditure(), after.expenditure())
                || differ(before.clean(), after.clean());
        if (COMPLETED.equals(current.status()) && amountsChange && role == Role.operator) {
            throw ApiException.forbidden("Only a supervisor or an admin changes the amounts of a completed order");
        }
    }

    private static boolean differ(BigDecimal a, BigDecimal b) {
        return a == null ? b != null : b == null || a.compareTo(b) != 0;
    }

    static boolean closed(String status) {
        return CLOSED.contains(status);
    }
}
