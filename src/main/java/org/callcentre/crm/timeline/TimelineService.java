package org.callcentre.crm.timeline;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.clients.ClientService;
import org.callcentre.crm.shared.ApiException;

import java.util.List;

@Singleton
class TimelineService {
    static final int DEFAULT_LIMIT = 30;
    static final int MAX_LIMIT = 100;

    private final ClientService clients;
    private final TimelineRepository timeline;

    TimelineService(ClientService clients, TimelineRepository timeline) {
        this.clients = clients;
        this.timeline = timeline;
    }

    @Transactional
    TimelinePage page(long clientId, String before, Integer limit, Actor actor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.badField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        TimelineCursor cursor = TimelineCursor.parse(before);
        clients.visible(clientId, actor);
        List<TimelineEntry> rows = timeline.page(clientId, cursor, actor.cityScope(), size + 1);
        if (rows.size() <= size) {
            return new TimelinePage(rows, null);
        }
        List<TimelineEntry> items = rows.subList(0, size);
        return new TimelinePage(List.copyOf(items), TimelineCursor.of(items.get(size - 1)).format());
    }
}
