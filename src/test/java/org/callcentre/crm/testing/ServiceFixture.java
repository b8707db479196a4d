package org.callcentre.crm.testing;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LivePushQueue;
import org.callcentre.crm.live.Settle;
import org.junit.jupiter.api.AfterEach;

/**
 * The running service as a {@code @MicronautTest(transactional = false)} class sees it: the server,
 * an HTTP client on it and the test data. After each test it waits until every webhook is ingested
 * and every push made, so the next test's reset does not truncate tables a push is still reading.
 */
public abstract class ServiceFixture {
    @Inject
    protected EmbeddedServer server;
    @Inject
    @Client("/")
    protected HttpClient client;
    @Inject
    protected TestData data;
    @Inject
    protected LivePushQueue pushes;

    @AfterEach
    protected void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    /** A fresh access token of a {@link TestData} user, for the live sockets. */
    protected String token(String login) {
        return (String) new Api(client).post("/api/auth/login", java.util.Map.of("login", login, "password", TestData.PASSWORD))
                .body().get("accessToken");
    }
}
