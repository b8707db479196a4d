package org.callcentre.crm.testing;

import java.util.Map;

/** Creates an Avito account over the API and returns its secret webhook path. */
public final class AvitoSetup {
    public static final long AVITO_USER = 94235311L;
    public static final String CLIENT_ID = "client-a";
    public static final String CLIENT_SECRET = "secret-a";

    private AvitoSetup() {
    }

    public static String account(Api admin, AvitoTestServer avito, String city) {
        avito.allowClient(CLIENT_ID, CLIENT_SECRET);
        Api.Reply created = admin.post("/api/avito/accounts", Map.of("name", "Avito " + city, "city", city, "rk", "avito-1",
                "avitoUserId", AVITO_USER, "clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET));
        if (created.status() != 201) {
            throw new AssertionError("account not created: " + created);
        }
        return (String) created.data().get("webhookPath");
    }
}
