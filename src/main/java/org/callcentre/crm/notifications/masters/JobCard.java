package org.callcentre.crm.notifications.masters;

import org.callcentre.crm.notifications.masters.MasterContactsRepository.Card;

import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;

/** The job card a master gets: client, phone, address, visit time in the city's zone, equipment, problem. */
final class JobCard {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private JobCard() {
    }

    /** Master, visit time and address: a change of any of them sends a new card, nothing else does. */
    static String fingerprint(Card card) {
        return card.masterId() + "|" + card.dateMeeting() + "|" + (card.address() == null ? "" : card.address().strip());
    }

    static String subject(Card card, int version) {
        return (version == 1 ? "Новая заявка №" : "Изменена заявка №") + card.orderId()
                + (card.dateMeeting() == null ? "" : ", " + visit(card));
    }

    static String text(Card card, int version) {
        StringJoiner lines = new StringJoiner("\n");
        lines.add(version == 1 ? "Новая заявка №" + card.orderId() : "Заявка №" + card.orderId() + " изменена");
        lines.add("Клиент: " + orDash(card.clientName()));
        lines.add("Телефон: " + orDash(card.phone()));
        lines.add("Адрес: " + orDash(card.address()) + (card.city() == null ? "" : " (" + card.city() + ")"));
        lines.add("Время: " + (card.dateMeeting() == null ? "не назначено" : visit(card)));
        lines.add("Техника: " + orDash(card.equipment()));
        lines.add("Проблема: " + orDash(card.problem()));
        return lines.toString();
    }

    private static String visit(Card card) {
        return TIME.format(card.dateMeeting().atZone(card.zone()));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
