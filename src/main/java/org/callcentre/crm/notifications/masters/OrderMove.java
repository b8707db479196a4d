package org.callcentre.crm.notifications.masters;

import org.callcentre.crm.notifications.Button;

import java.util.List;

/**
 * What a master reports from the job card, and the order status each one moves to (the order's
 * own status machine decides whether the move is allowed): accepted → assigned, on the way and on
 * site → in progress, done → completed (with the amounts).
 */
enum OrderMove {
    accepted("Принял", "assigned"),
    on_the_way("Выехал", "in_progress"),
    on_site("На месте", "in_progress"),
    done("Готово", "completed");

    private static final String PREFIX = "order:";

    final String label;
    final String status;

    OrderMove(String label, String status) {
        this.label = label;
        this.status = status;
    }

    /** The card's buttons; each carries {@code order:<id>:<move>} back in its callback. */
    static List<List<Button>> buttons(long orderId) {
        return List.of(List.of(accepted.button(orderId), on_the_way.button(orderId)),
                List.of(on_site.button(orderId), done.button(orderId)));
    }

    private Button button(long orderId) {
        return new Button(label, PREFIX + orderId + ":" + name());
    }

    /** The order and move of a button's callback data. */
    record Pressed(long orderId, OrderMove move) {
    }

    static java.util.Optional<Pressed> fromButton(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return java.util.Optional.empty();
        }
        String[] parts = data.substring(PREFIX.length()).split(":");
        try {
            return parts.length == 2 ? java.util.Optional.of(new Pressed(Long.parseLong(parts[0]), valueOf(parts[1])))
                    : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
