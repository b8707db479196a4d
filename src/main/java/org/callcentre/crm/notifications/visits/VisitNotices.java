package org.callcentre.crm.notifications.visits;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.notifications.NewNotification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.Notifications;
import org.callcentre.crm.notifications.visits.VisitRepository.Visit;
import org.callcentre.crm.orders.OrderChanged;
import org.callcentre.crm.orders.OrderService;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Tells the client by SMS about the master's visit: a confirmation when the visit is set or moved and
 * a reminder before it, both outside the quiet hours of the order's city. A moved or cancelled visit
 * withdraws the reminder still waiting. Hears of the change inside the order's transaction, so the
 * SMS rows commit with it.
 */
@Singleton
class VisitNotices {
    static final String CONFIRMATION = "visit-confirmation";
    static final String REMINDER = "visit-reminder";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final VisitRepository visits;
    private final Notifications notifications;
    private final VisitSettings settings;
    private final Clock clock;

    VisitNotices(VisitRepository visits, Notifications notifications, VisitSettings settings, Clock clock) {
        this.visits = visits;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void onOrderChanged(OrderChanged change) {
        if (!settings.confirmation() && !settings.reminders()) {
            return;
        }
        Optional<Visit> found = visits.visit(change.orderId());
        if (found.isEmpty()) {
            return;
        }
        Visit visit = found.get();
        if (OrderService.closed(visit.status()) || visit.at() == null || visit.phone() == null) {
            notifications.cancelPending(visit.orderId(), REMINDER);
            return;
        }
        if (!visit.at().isAfter(clock.instant())) {
            return; // a past visit's record being edited tells the client nothing
        }
        visits.tell(visit.orderId(), visit.at() + "|" + (visit.address() == null ? "" : visit.address().strip()))
                .ifPresent(version -> tell(visit, version));
    }

    private void tell(Visit visit, int version) {
        String key = "visit:" + visit.orderId() + ":" + version + ":";
        Instant now = clock.instant();
        QuietHours quiet = settings.quietHours();
        if (settings.confirmation()) {
            notifications.enqueue(sms(visit, CONFIRMATION, (version == 1 ? "Заявка №" : "Изменение по заявке №")
                    + visit.orderId() + ": мастер приедет " + DAY_TIME.format(visit.at().atZone(visit.zone())) + where(visit))
                    .dedupeKey(key + CONFIRMATION).notBefore(quiet.next(now, visit.zone())));
        }
        notifications.cancelPending(visit.orderId(), REMINDER);
        if (settings.reminders()) {
            Instant due = visit.at().minus(settings.reminderBefore());
            Instant allowed = quiet.next(due, visit.zone());
            Instant at = allowed.isBefore(visit.at()) ? allowed : quiet.previous(due, visit.zone());
            notifications.enqueue(sms(visit, REMINDER, "Напоминаем: " + DAY_TIME.format(visit.at().atZone(visit.zone()))
                    + " приедет мастер по заявке №" + visit.orderId() + where(visit))
                    .dedupeKey(key + REMINDER).notBefore(at));
        }
    }

    private static String where(Visit visit) {
        return visit.address() == null || visit.address().isBlank() ? "." : ", " + visit.address() + ".";
    }

    private static NewNotification sms(Visit visit, String purpose, String text) {
        return NewNotification.of(NotificationChannel.sms, purpose, visit.phone(), text).order(visit.orderId());
    }
}
