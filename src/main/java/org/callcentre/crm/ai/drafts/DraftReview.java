package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.orders.OrderRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What an operator did with each field of a draft on accepting it: the draft's value against the
 * order's, compared after trim, lowercase, ё→е and collapsed whitespace (a visit day against the
 * order's date-time on that day).
 */
final class DraftReview {
    /** A draft's field as stored in {@code draft_field_reviews.field}. */
    enum Field {
        CITY(OrderDraft::city, OrderRequest::city), ADDRESS(OrderDraft::address, OrderRequest::address),
        EQUIPMENT_TYPE(OrderDraft::equipmentType, OrderRequest::typeEquipment), PROBLEM(OrderDraft::problem, OrderRequest::problem),
        VISIT_DATE(OrderDraft::visitDate, OrderRequest::dateMeeting), CLIENT_NAME(OrderDraft::clientName, OrderRequest::clientName);

        private final Function<OrderDraft, DraftField> drafted;
        private final Function<OrderRequest, String> ordered;

        Field(Function<OrderDraft, DraftField> drafted, Function<OrderRequest, String> ordered) {
            this.drafted = drafted;
            this.ordered = ordered;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Outcome {
        KEPT, CHANGED, FILLED, EMPTY;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Reviewed(Field field, Outcome outcome) {
    }

    private DraftReview() {
    }

    static List<Reviewed> of(OrderDraft draft, OrderRequest order) {
        List<Reviewed> out = new ArrayList<>();
        for (Field f : Field.values()) {
            DraftField d = f.drafted.apply(draft);
            out.add(new Reviewed(f, outcome(f, d == null ? null : d.value(), f.ordered.apply(order))));
        }
        return out;
    }

    static Outcome outcome(Field field, String drafted, String ordered) {
        String d = normalize(drafted);
        String o = normalize(ordered);
        if (d.isEmpty()) {
            return o.isEmpty() ? Outcome.EMPTY : Outcome.FILLED;
        }
        boolean same = field == Field.VISIT_DATE ? o.startsWith(d) || o.replace(' ', 't').startsWith(d) : d.equals(o);
        return same ? Outcome.KEPT : Outcome.CHANGED;
    }

    private static String normalize(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }
}
