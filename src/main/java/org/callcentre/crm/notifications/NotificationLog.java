package org.callcentre.crm.notifications;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.orders.OrderService;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

@Singleton
class NotificationLog {
    private static final List<String> STATES = Arrays.stream(NotificationState.values()).map(Enum::name).toList();
    private static final List<String> CHANNELS = Arrays.stream(NotificationChannel.values()).map(Enum::name).toList();

    private final OutboxRepository outbox;
    private final OrderService orders;
    private final AuditLog audit;
    private final Clock clock;

    NotificationLog(OutboxRepository outbox, OrderService orders, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Page<Notification> list(String state, String channel, Long orderId, PageRequest page, Actor actor) {
        Fields f = new Fields();
        String validState = f.oneOf("state", state, STATES, false);
        String validChannel = f.oneOf("channel", channel, CHANNELS, false);
        f.throwIfAny();
        if (orderId != null) {
            orders.get(orderId, actor); // 404 for an order the actor may not see
        } else if (actor.is(Role.operator)) {
            // the route is theirs, the whole log is not: they name the order, which is checked above
            throw ApiException.badField("orderId", "Operators read the notifications of one order at a time");
        }
        return outbox.list(validState == null ? null : NotificationState.valueOf(validState),
                validChannel == null ? null : NotificationChannel.valueOf(validChannel), orderId, page);
    }

    @Transactional
    Notification retry(long id, Actor actor) {
        Notification notification = outbox.find(id).orElseThrow(() -> ApiException.notFound("Notification " + id));
        if (!outbox.retry(id, clock.instant())) {
            throw ApiException.conflict("Only a failed notification can be retried; this one is " + notification.state());
        }
        audit.record(actor, "update", "notification", id,
                new Changes().field("state", notification.state().name(), NotificationState.pending.name()).asMap());
        return outbox.find(id).orElseThrow();
    }
}
