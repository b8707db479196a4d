package org.callcentre.crm.orders;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.resultcodes.ResultCodeKind;
import org.callcentre.crm.resultcodes.ResultCodes;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

@Singleton
public class OrderService {
    private final OrderRepository orders;
    private final OrderRequestReader reader;
    private final OrderClients clients;
    private final CityDirectory cities;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<OrderChanged> orderChanges;
    private final ResultCodes resultCodes;

    public OrderService(OrderRepository orders, OrderRequestReader reader, OrderClients clients, CityDirectory cities,
                        AuditLog audit, Clock clock, ApplicationEventPublisher<OrderChanged> orderChanges, ResultCodes resultCodes) {
        this.orders = orders;
        this.reader = reader;
        this.clients = clients;
        this.cities = cities;
        this.audit = audit;
        this.clock = clock;
        this.orderChanges = orderChanges;
        this.resultCodes = resultCodes;
    }

    @Transactional
    public Page<OrderView> list(String status, String city, Long operatorId, String phone, String dateFrom, String dateTo,
                                PageRequest page, Actor actor) {
        return orders.list(filter(status, city, operatorId, phone, dateFrom, dateTo, actor), page).map(Order::view);
    }

    /** The list's filters, validated and scoped to what the actor may see; the order export reuses them. */
    public OrderRepository.Filter filter(String status, String city, Long operatorId, String phone, String dateFrom,
                                         String dateTo, Actor actor) {
        Fields f = new Fields();
        String validStatus = f.oneOf("status", status, OrderLifecycle.STATUSES, false);
        Long cityId = f.attempt("city", () -> cities.optionalId("city", city));
        String e164 = f.attempt("phone", () -> PhoneNumbers.optional("phone", phone));
        f.throwIfAny();
        DateRange range = DateRange.parse(dateFrom, dateTo, cities.zone(cityId != null ? cityId : actor.cityId()));
        return new OrderRepository.Filter(actor.cityScope(), cityId, validStatus, operatorId, e164,
                range.from(), range.toExclusive());
    }

    @Transactional
    public OrderView get(long id, Actor actor) {
        return visible(orders.findById(id), id, actor).view();
    }

    @Transactional
    public OrderView create(OrderRequest request, Actor actor) {
        Fields f = new Fields();
        OrderFields fields = reader.read(defaultsFor(actor), request, f);
        f.check(request.status() == null || OrderLifecycle.NEW.equals(request.status()), "status",
                "every order starts as 'new'; change the status afterwards");
        f.throwIfAny();
        requireOwnCity(fields.cityId(), actor);
        return create(fields, null, actor)
                .orElseThrow(() -> new IllegalStateException("An order without external id was not inserted"))
                .view();
    }

    /**
     * Creates an order in status {@code new} and links it to the client with its phone, found or
     * created. The order row comes first so that a duplicate external id stops the request before
     * anything else, the client included, is written.
     *
     * @return empty when an order with this external id already exists
     */
    @Transactional
    public Optional<Order> create(OrderFields fields, ExternalId externalId, Actor actor) {
        Optional<Long> inserted = orders.insert(fields, externalId);
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long id = inserted.get();
        long clientId = clients.findOrCreateByPhone(fields.phone(), fields.clientName(), fields.cityId(), actor);
        orders.linkClient(id, clientId);
        Changes changes = new Changes();
        fields.asMap().forEach((name, value) -> {
            if (value != null) {
                changes.set(name, String.valueOf(value));
            }
        });
        audit.record(actor, "create", "order", id, changes.set("clientId", clientId).set("externalId", externalId == null ? null : externalId.id())
                .set("externalSource", externalId == null ? null : externalId.source()).asMap());
        orderChanges.publishEvent(new OrderChanged(id));
        return orders.findById(id);
    }

    @Transactional
    public Optional<Order> findByExternalId(ExternalId externalId) {
        return orders.findByExternalId(externalId);
    }

    @Transactional
    public OrderView update(long id, OrderRequest request, Actor actor) {
        Order current = visible(orders.findForUpdate(id), id, actor);
        Fields f = new Fields();
        OrderFields fields = reader.read(current.fields(), request, f);
        String status = request.status() == null ? current.status()
                : f.oneOf("status", request.status(), OrderLifecycle.STATUSES, true);
        f.throwIfAny();
        requireOwnCity(fields.cityId(), actor);
        OrderLifecycle.checkMove(current.status(), status, actor.role());
        OrderLifecycle.checkAmounts(current, fields, status, actor.role());
        Long cancelReasonId = cancelReason(current, status, request.cancelReasonId());
        Instant closedAt = status.equals(current.status()) ? current.closedAt()
                : OrderLifecycle.closed(status) ? clock.instant() : null;
        Long clientId = fields.phone().equals(current.fields().phone()) && current.clientId() != null ? current.clientId()
                : clients.findOrCreateByPhone(fields.phone(), fields.clientName(), fields.cityId(), actor);
        orders.update(id, fields, status, clientId, closedAt, cancelReasonId);
        Changes changes = new Changes();
        Map<String, Object> after = fields.asMap();
        current.fields().asMap().forEach((name, before) -> changes.field(name, before, after.get(name)));
        changes.field("status", current.status(), status).field("clientId", current.clientId(), clientId)
                .field("cancelReasonId", current.cancelReasonId(), cancelReasonId);
        audit.record(actor, "update", "order", id, changes.asMap());
        orderChanges.publishEvent(new OrderChanged(id));
        return orders.findById(id).orElseThrow().view();
    }

    /**
     * A cancelled order carries why, picked from the admins' list: a 400 naming {@code cancelReasonId}
     * when a cancellation comes without one; an order no longer cancelled carries none.
     */
    private Long cancelReason(Order current, String status, Long asked) {
        if (!OrderLifecycle.CANCELLED.equals(status)) {
            return null;
        }
        if (asked == null) {
            if (current.cancelReasonId() != null) {
                return current.cancelReasonId();
            }
            throw ApiException.badField("cancelReasonId", "is required to cancel an order: pick a reason from the list");
        }
        return resultCodes.requireActive(ResultCodeKind.cancel_reason, "cancelReasonId", asked).id();
    }

    /**
     * The 409 (or 403) that a move of the order to {@code status} would get now, without changing
     * anything: a channel that must ask for more before the move (the amounts of a completion) asks
     * only when the move can be made. The refusal does not spoil the caller's transaction.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public void checkMove(long id, String status, Actor actor) {
        OrderLifecycle.checkMove(visible(orders.findById(id), id, actor).status(), status, actor.role());
    }

    /** Completed and cancelled orders are closed: no work is sent out for them. */
    public static boolean closed(String status) {
        return OrderLifecycle.closed(status);
    }

    /** An operator starts in their own city and is the order's operator unless they name another. */
    private static OrderFields defaultsFor(Actor actor) {
        boolean operator = actor.is(Role.operator);
        return new OrderFields(null, operator ? actor.cityId() : null, null, OrderFields.FIRST_TIME, null, null, null,
                null, null, operator ? actor.id() : null, null, null, null, null);
    }

    /** Operators do not learn that orders of other cities exist. */
    private static Order visible(Optional<Order> order, long id, Actor actor) {
        Long scope = actor.cityScope();
        return order.filter(o -> scope == null || scope.equals(o.fields().cityId()))
                .orElseThrow(() -> ApiException.notFound("Order " + id));
    }

    private static void requireOwnCity(Long cityId, Actor actor) {
        Long scope = actor.cityScope();
        if (scope != null && !Objects.equals(scope, cityId)) {
            throw ApiException.forbidden("Operators work only with orders of their own city");
        }
    }
}
