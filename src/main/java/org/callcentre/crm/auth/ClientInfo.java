package org.callcentre.crm.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Where a sign-in came from, shown in the user's list of sessions. */
public record ClientInfo(String address, String userAgent) {
    private static final int MAX_AGENT = 300;

    static ClientInfo of(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        return new ClientInfo(ActorBinder.clientAddress(request),
                agent == null || agent.isBlank() ? null : agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent);
    }
}
