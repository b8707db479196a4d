package org.callcentre.crm.ai.drafts;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.asr.TranscriptStored;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.calls.Call;
import org.callcentre.crm.calls.CallService;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.orders.OrderRequest;
import org.callcentre.crm.orders.OrderService;
import org.callcentre.crm.orders.OrderView;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drafts for calls: made when a transcript is stored, shown with the call, accepted into an order linked to it. */
@Singleton
public class CallDrafts {
    private final OrderDrafts drafts;
    private final CallService calls;
    private final OrderService orders;
    private final CityDirectory cities;
    private final AuditLog audit;
    private final Db db;
    private final ObjectMapper json;

    public CallDrafts(OrderDrafts drafts, CallService calls, OrderService orders, CityDirectory cities, AuditLog audit,
                      Db db, ObjectMapper json) {
        this.drafts = drafts;
        this.calls = calls;
        this.orders = orders;
        this.cities = cities;
        this.audit = audit;
        this.db = db;
        this.json = json;
    }

    @Transactional
    public OrderDraft draftFromText(OrderDraftRequest request) {
        return drafts.draft(request);
    }

    /** Runs in the transaction that stores the transcript; the call's own city and local time frame the draft. */
    @EventListener
    void onTranscriptStored(TranscriptStored stored) {
        Call call = calls.get(stored.callId(), Actor.system("asr"));
        LocalDateTime callTime = call.dateCreate().atZone(cities.zone(call.cityId())).toLocalDateTime();
        OrderDraft draft = drafts.draft(stored.text(), call.city(), callTime);
        db.update("""
                INSERT INTO call_drafts (call_id, draft, generator) VALUES (?, ?, ?)
                ON CONFLICT (call_id) DO UPDATE SET draft = EXCLUDED.draft, generator = EXCLUDED.generator, created_at = now()
                WHERE call_drafts.order_id IS NULL""", stored.callId(), new Db.Jsonb(write(draft)), draft.generator());
    }

    @Transactional
    public CallDraft forCall(long callId, Actor actor) {
        calls.get(callId, actor);
        return db.queryOne("SELECT * FROM call_drafts WHERE call_id = ?", rs -> new CallDraft(callId, read(rs.getString("draft")),
                        Db.getLong(rs, "order_id"), Db.getInstant(rs, "created_at")), callId)
                .orElseThrow(() -> ApiException.notFound("Order draft of call " + callId));
    }

    @Transactional
    public OrderView accept(long callId, OrderRequest edits, Actor actor) {
        CallDraft current = forCall(callId, actor);
        if (current.orderId() != null) {
            throw ApiException.conflict("The draft of call " + callId + " was already accepted as order " + current.orderId());
        }
        Call call = calls.get(callId, actor);
        OrderDraft d = current.draft();
        OrderRequest request = new OrderRequest(edits.rk() != null ? edits.rk() : call.rk(),
                edits.city() != null ? edits.city() : value(d.city()),
                edits.phone() != null ? edits.phone() : call.phoneClient(), edits.typeOrder(),
                edits.clientName() != null ? edits.clientName() : value(d.clientName()),
                edits.address() != null ? edits.address() : value(d.address()),
                edits.dateMeeting() != null ? edits.dateMeeting() : visitDateTime(value(d.visitDate())),
                edits.typeEquipment() != null ? edits.typeEquipment() : value(d.equipmentType()),
                edits.problem() != null ? edits.problem() : value(d.problem()),
                edits.operatorNameId() != null ? edits.operatorNameId() : actor.id(), null, edits.masterId(), edits.result(),
                edits.expenditure(), edits.clean(), null);
        OrderView order = orders.create(request, actor);
        long orderId = order.id();
        db.update("UPDATE orders SET call_id = ? WHERE id = ?", callId, orderId);
        db.update("UPDATE calls SET order_id = ?, updated_at = now() WHERE id = ?", orderId, callId);
        db.update("UPDATE call_drafts SET order_id = ? WHERE call_id = ?", orderId, callId);
        for (DraftReview.Reviewed r : DraftReview.of(d, request)) {
            db.update("INSERT INTO draft_field_reviews (call_id, field, outcome, generator) VALUES (?, ?, ?, ?)", callId,
                    r.field().column(), r.outcome().column(), d.generator() == null ? "rules" : d.generator());
        }
        audit.record(actor, "accept", "order_draft", callId, Map.of("orderId", orderId));
        return orders.get(orderId, actor);
    }

    /** Per draft field, what operators did with it when accepting drafts from {@code dateFrom} to {@code dateTo} (both optional). */
    @Transactional
    public List<DraftFieldEdits> edits(String dateFrom, String dateTo) {
        DateRange period = DateRange.parse(dateFrom, dateTo, cities.defaultZone());
        Map<String, DraftFieldEdits> byField = new LinkedHashMap<>();
        for (DraftReview.Field f : DraftReview.Field.values()) {
            byField.put(f.column(), DraftFieldEdits.of(f.column(), 0, 0, 0, 0, 0));
        }
        db.query("""
                SELECT field, count(*) AS accepted,
                       count(*) FILTER (WHERE outcome = 'kept') AS kept, count(*) FILTER (WHERE outcome = 'changed') AS changed,
                       count(*) FILTER (WHERE outcome = 'filled') AS filled, count(*) FILTER (WHERE outcome = 'empty') AS empty
                FROM draft_field_reviews
                WHERE reviewed_at >= coalesce(?::timestamptz, '-infinity') AND reviewed_at < coalesce(?::timestamptz, 'infinity')
                GROUP BY field""", rs -> DraftFieldEdits.of(rs.getString("field"), rs.getLong("accepted"), rs.getLong("kept"),
                        rs.getLong("changed"), rs.getLong("filled"), rs.getLong("empty")), period.from(), period.toExclusive())
                .forEach(e -> byField.put(e.field(), e));
        return List.copyOf(byField.values());
    }

    private static String value(DraftField field) {
        return field == null ? null : field.value();
    }

    /** A visit day without a time is booked at the start of the working day. */
    private static String visitDateTime(String visit) {
        return visit == null || visit.contains("T") ? visit : visit + "T09:00";
    }

    private String write(OrderDraft draft) {
        try {
            return json.writeValueAsString(draft);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OrderDraft read(String draft) {
        try {
            return json.readValue(draft, OrderDraft.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
