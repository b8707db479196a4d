package org.callcentre.crm.notifications.masters;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.notifications.NewNotification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.Notifications;
import org.callcentre.crm.notifications.masters.MasterContactsRepository.Card;
import org.callcentre.crm.notifications.masters.MasterContactsRepository.Contacts;
import org.callcentre.crm.orders.OrderChanged;
import org.callcentre.crm.orders.OrderService;

import java.util.Optional;

/**
 * Sends the job card when an order gets a master or its visit time or address changes. It hears of
 * the change inside the transaction that makes it, so the card's outbox rows commit with the order;
 * the card's version in each dedupe key makes a repeated event add nothing.
 */
@Singleton
class MasterDispatch {
    static final String PURPOSE = "job-card";

    private final MasterContactsRepository contacts;
    private final Notifications notifications;

    MasterDispatch(MasterContactsRepository contacts, Notifications notifications) {
        this.contacts = contacts;
        this.notifications = notifications;
    }

    @EventListener
    void onOrderChanged(OrderChanged change) {
        Optional<Card> card = contacts.card(change.orderId())
                .filter(c -> c.masterId() != null && !OrderService.closed(c.status()));
        if (card.isEmpty()) {
            return;
        }
        Card c = card.get();
        contacts.dispatch(c.orderId(), c.masterId(), JobCard.fingerprint(c))
                .ifPresent(version -> send(c, version, contacts.contacts(c.masterId()).orElseThrow()));
    }

    private void send(Card card, int version, Contacts to) {
        String key = "card:" + card.orderId() + ":" + version + ":";
        String text = JobCard.text(card, version);
        if (to.telegramChatId() != null) {
            notifications.enqueue(NewNotification.of(NotificationChannel.telegram, PURPOSE, to.telegramChatId().toString(), text)
                    .buttons(OrderMove.buttons(card.orderId())).order(card.orderId()).dedupeKey(key + "telegram"));
        }
        if (to.email() != null && !to.email().isBlank()) {
            notifications.enqueue(NewNotification.of(NotificationChannel.email, PURPOSE, to.email(), text)
                    .subject(JobCard.subject(card, version)).order(card.orderId()).dedupeKey(key + "email"));
        }
    }
}
