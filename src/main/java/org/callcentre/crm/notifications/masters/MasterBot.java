package org.callcentre.crm.notifications.masters;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.notifications.NewNotification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.Notifications;
import org.callcentre.crm.notifications.masters.MasterContactsRepository.Card;
import org.callcentre.crm.notifications.masters.MasterContactsRepository.Contacts;
import org.callcentre.crm.orders.OrderRequest;
import org.callcentre.crm.orders.OrderService;
import org.callcentre.crm.shared.ApiException;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masters' side of the bot: links a chat by its one-time code, turns a pressed button or a typed
 * reply into an order move, asks for the amounts of a finished job and completes the order through
 * the order service (its status machine and completion rule decide). Every answer goes into the chat
 * through the outbox. Called by the messenger adapter inside the transaction that records the update
 * as handled.
 */
@Singleton
public class MasterBot {
    static final String PURPOSE = "bot-reply";
    private static final Pattern LINK = Pattern.compile("^(?:/start\\s+)?(\\d{8})$");

    private final MasterContactsRepository contacts;
    private final OrderService orders;
    private final Notifications notifications;
    private final Clock clock;

    MasterBot(MasterContactsRepository contacts, OrderService orders, Notifications notifications, Clock clock) {
        this.contacts = contacts;
        this.orders = orders;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A message typed in the chat. */
    @Transactional
    public void received(long chatId, String text) {
        String t = text == null ? "" : text.strip();
        Matcher link = LINK.matcher(t);
        if (link.matches()) {
            link(chatId, link.group(1));
            return;
        }
        Optional<Contacts> master = contacts.byChat(chatId);
        if (master.isEmpty()) {
            reply(chatId, null, "Этот чат не привязан к мастеру. Отправьте код привязки, который выдал диспетчер.");
            return;
        }
        Contacts m = master.get();
        Optional<OrderMove> move = ReplyWords.move(t);
        Optional<Amounts> amounts = Amounts.parse(t);
        if (m.awaitingAmountsOrderId() != null && amounts.isPresent() && move.map(OrderMove.done::equals).orElse(true)) {
            complete(m, m.awaitingAmountsOrderId(), amounts.get());
        } else if (move.isPresent()) {
            Optional<Long> order = Amounts.orderRef(t).or(() -> contacts.openOrders(m.masterId()).stream().findFirst());
            if (order.isEmpty()) {
                reply(chatId, null, "У вас нет открытых заявок.");
            } else {
                move(m, order.get(), move.get(), amounts);
            }
        } else if (m.awaitingAmountsOrderId() != null) {
            reply(chatId, m.awaitingAmountsOrderId(), askAmounts(m.awaitingAmountsOrderId()));
        } else {
            reply(chatId, null, "Не понял. Нажмите кнопку под заявкой или напишите: принял, выехал, на месте, готово.");
        }
    }

    /** An inline button under a job card was pressed. */
    @Transactional
    public void pressed(long chatId, String data) {
        Optional<Contacts> master = contacts.byChat(chatId);
        Optional<OrderMove.Pressed> pressed = OrderMove.fromButton(data);
        if (master.isEmpty()) {
            reply(chatId, null, "Этот чат не привязан к мастеру. Отправьте код привязки, который выдал диспетчер.");
        } else if (pressed.isPresent()) {
            move(master.get(), pressed.get().orderId(), pressed.get().move(), Optional.empty());
        }
    }

    /** What the chat is told when handling an update broke for a reason of its own (not a refused move). */
    @Transactional
    public void failed(long chatId, String reason) {
        reply(chatId, null, "Не получилось: " + reason);
    }

    private void link(long chatId, String code) {
        Optional<Long> linked = contacts.linkByCode(code, chatId, clock.instant());
        reply(chatId, null, linked.isPresent()
                ? "Готово: сюда будут приходить заявки мастера " + contacts.contacts(linked.get()).orElseThrow().masterName() + "."
                : "Код не подошёл или устарел. Попросите у диспетчера новый.");
    }

    private void move(Contacts master, long orderId, OrderMove move, Optional<Amounts> amounts) {
        long chatId = master.telegramChatId();
        Optional<Card> card = contacts.card(orderId).filter(c -> Long.valueOf(master.masterId()).equals(c.masterId()));
        if (card.isEmpty()) {
            reply(chatId, null, "Заявка №" + orderId + " не назначена вам.");
            return;
        }
        Actor actor = actor(master);
        try {
            orders.checkMove(orderId, move.status, actor);
        } catch (ApiException refused) {
            reply(chatId, orderId, "Нельзя отметить «" + move.label + "» по заявке №" + orderId + ": " + refused.getMessage());
            return;
        }
        if (move == OrderMove.done) {
            if (amounts.isPresent()) {
                complete(master, orderId, amounts.get());
            } else {
                contacts.awaitAmounts(master.masterId(), orderId);
                reply(chatId, orderId, askAmounts(orderId));
            }
            return;
        }
        orders.update(orderId, status(move.status, null), actor);
        reply(chatId, orderId, "Заявка №" + orderId + ": «" + move.label + "» отмечено.");
    }

    private void complete(Contacts master, long orderId, Amounts amounts) {
        long chatId = master.telegramChatId();
        orders.update(orderId, status(OrderMove.done.status, amounts), actor(master));
        contacts.awaitAmounts(master.masterId(), null);
        reply(chatId, orderId, "Заявка №" + orderId + " выполнена: получено " + amounts.result().toPlainString()
                + ", расходы " + amounts.expenditure().toPlainString() + ".");
    }

    private static String askAmounts(long orderId) {
        return "Заявка №" + orderId + ": напишите суммы — сколько получено и расходы, например: 5000 1200";
    }

    private static OrderRequest status(String status, Amounts amounts) {
        return new OrderRequest(null, null, null, null, null, null, null, null, null, null, status, null,
                amounts == null ? null : amounts.result(), amounts == null ? null : amounts.expenditure(), null, null);
    }

    private static Actor actor(Contacts master) {
        return Actor.system("master " + master.masterId() + " via Telegram");
    }

    private void reply(long chatId, Long orderId, String text) {
        notifications.enqueue(NewNotification.of(NotificationChannel.telegram, PURPOSE, String.valueOf(chatId), text).order(orderId));
    }
}
