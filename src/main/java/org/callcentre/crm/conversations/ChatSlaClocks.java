package org.callcentre.crm.conversations;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.cities.City;
import org.callcentre.crm.cities.CityService;
import org.callcentre.crm.cities.WorkingWeek;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The chat SLA. When a chat is handed to people its deadlines are fixed from its city's targets,
 * counted in the city's working hours (a chat queued at night starts counting at opening time); the
 * first operator reply stops the first-response clock and closing stops both. A deadline that passes
 * unmet is marked once by a sweep every {@code crm.conversations.sla-check-interval} and pushed
 * like any chat change, so lists turn red and the wallboard counts it.
 */
@Singleton
class ChatSlaClocks {
    private final ConversationRepository conversations;
    private final CityService cities;
    private final ApplicationEventPublisher<ChatChanged> changes;
    private final ApplicationEventPublisher<ChatFiguresChanged> figures;
    private final Clock clock;

    ChatSlaClocks(ConversationRepository conversations, CityService cities, ApplicationEventPublisher<ChatChanged> changes,
                  ApplicationEventPublisher<ChatFiguresChanged> figures, Clock clock) {
        this.conversations = conversations;
        this.cities = cities;
        this.changes = changes;
        this.figures = figures;
        this.clock = clock;
    }

    /** Inside the queuing transaction; a chat whose episode still runs keeps its deadlines. */
    void handedToPeople(Conversation chat) {
        if (chat.sla().running()) {
            return;
        }
        Instant now = clock.instant();
        Optional<City> city = Optional.ofNullable(chat.cityId()).map(cities::get);
        conversations.startSla(chat.id(), now, deadline(city, now, city.flatMap(City::chatFirstResponseTarget)),
                deadline(city, now, city.flatMap(City::chatResolutionTarget)));
    }

    void replied(long conversationId, Long operatorId) {
        conversations.stopFirstResponseClock(conversationId, clock.instant(), operatorId);
    }

    void closed(long conversationId) {
        conversations.stopResolutionClock(conversationId, clock.instant());
    }

    @Scheduled(fixedDelay = "${crm.conversations.sla-check-interval:5s}", initialDelay = "${crm.conversations.sla-check-interval:5s}")
    @Transactional
    void markBreaches() {
        for (long id : conversations.markBreaches(clock.instant())) {
            figures.publishEvent(new ChatFiguresChanged(id));
            changes.publishEvent(new ChatChanged(id, ChatChanged.Kind.breached));
        }
    }

    private static Instant deadline(Optional<City> city, Instant start, Optional<Duration> target) {
        return target.flatMap(t -> WorkingWeek.of(city.orElseThrow()).deadline(start, t)).orElse(null);
    }
}
