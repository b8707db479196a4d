package org.callcentre.crm.leads.avito;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's picture in an Avito chat, from the webhook Avito sends to the browser: the largest size's
 * address is stored, and the picture is served through the service's own origin, under the chat's city
 * rules, only from the allowed image hosts, only as an image and only up to the size cap. The local
 * Avito server serves the pictures; {@code localhost} (the same server under another name) stands for a
 * host that is not Avito's.
 */
@MicronautTest(transactional = false)
class AvitoChatImagesTest extends AvitoServerFixture {
    static final long AVITO_USER = 94235311L;
    static final int CAP = 4096;

    String webhook;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("crm.avito.image-hosts", "127.0.0.1", "crm.avito.image-max-size", String.valueOf(CAP));
    }

    @BeforeEach
    void setUp() {
        data.reset();
        avito.allowClient("client-a", "secret-a");
        long moscow = data.city("Москва", "Europe/Moscow");
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        long olga = data.user("olga", "operator", moscow, "101");
        data.user("rustem", "operator", kazan, "201");
        data.db().update("UPDATE operators SET status_work = 'working' WHERE id = ?", olga);
        Api admin = new Api(client).login("boss", TestData.PASSWORD);
        Api.Reply created = admin.post("/api/avito/accounts", Map.of("name", "Москва ремонт", "city", "Москва", "rk", "avito-msk",
                "avitoUserId", AVITO_USER, "clientId", "client-a", "clientSecret", "secret-a"));
        assertEquals(201, created.status(), created.toString());
        webhook = (String) created.data().get("webhookPath");
    }

    @Test
    void theLargestSizeIsServedThroughTheOwnOriginAndTheAvitoAddressStaysOnTheServer() {
        byte[] big = bytes(3000);
        Map<String, String> sizes = new LinkedHashMap<>();
        sizes.put("140x105", avito.image("small.jpg", bytes(100), "image/jpeg"));
        sizes.put("1280x960", avito.image("big.jpg", big, "image/jpeg"));
        sizes.put("640x480", avito.image("middle.jpg", bytes(200), "image/jpeg"));
        Map<String, Object> message = clientPicture(sizes);

        HttpResponse<byte[]> picture = get(message, "olga");
        assertEquals(200, picture.code());
        assertEquals("image/jpeg", picture.getContentType().orElseThrow().toString());
        assertArrayEquals(big, picture.body());
        assertEquals(1, avito.imageFetches(), "only the largest size is fetched");

        assertEquals(true, message.get("image"));
        assertEquals("[image]", message.get("text"));
        String detail = new Api(client).login("olga", TestData.PASSWORD).get("/api/conversations/" + message.get("conversationId")).body().toString();
        assertFalse(detail.contains(avito.url()), "the browser is never given Avito's address: " + detail);
    }

    @Test
    void anotherCitysOperatorAndAMessageWithoutAPictureAreNotFound() {
        Map<String, Object> message = clientPicture(Map.of("1280x960", avito.image("big.jpg", bytes(300), "image/png")));
        assertEquals(404, status(message, "rustem"));
        assertEquals(0, avito.imageFetches(), "nothing is fetched for a chat the operator may not see");

        new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-text", "chat-1", AVITO_USER, "Просто текст"));
        Map<String, Object> text = messages().stream().filter(m -> "Просто текст".equals(m.get("text"))).findFirst().orElseThrow();
        assertEquals(false, text.get("image"));
        assertEquals(404, status(text, "olga"));
        assertEquals(200, status(message, "boss"), "an admin sees every city");
    }

    @Test
    void aHostThatIsNotAvitosIsRefusedWithoutAFetch() {
        String elsewhere = avito.image("big.jpg", bytes(300), "image/png").replace("127.0.0.1", "localhost");
        Map<String, Object> message = clientPicture(Map.of("1280x960", elsewhere));
        assertEquals(403, status(message, "olga"));
        assertEquals(0, avito.imageFetches());
    }

    @Test
    void aPictureLargerThanTheCapIsNotPassedOn() {
        Map<String, Object> declared = clientPicture(Map.of("1280x960", avito.image("huge.jpg", bytes(CAP + 1), "image/jpeg")));
        assertEquals(502, status(declared, "olga"), "the stated length is over the cap");

        byte[] huge = bytes(CAP * 4);
        new Api(client).post(webhook, AvitoWebhooks.clientImage("m-chunked", "chat-1", AVITO_USER,
                Map.of("1280x960", avito.chunkedImage("chunked.jpg", huge, "image/jpeg"))));
        Map<String, Object> chunked = messages().stream().filter(m -> "m-chunked".equals(m.get("externalId"))).findFirst().orElseThrow();
        try {
            HttpResponse<byte[]> cut = get(chunked, "olga");
            assertTrue(cut.body() == null || cut.body().length <= CAP, "at most the cap is passed on, got " + cut.body().length);
        } catch (HttpClientException cutOff) {
            // the stream stopped at the cap: the connection ends before the picture does
        }
    }

    @Test
    void anAnswerThatIsNoImageIsRefused() {
        Map<String, Object> message = clientPicture(Map.of("1280x960", avito.image("page.html", bytes(300), "text/html")));
        assertEquals(502, status(message, "olga"));
        Map<String, Object> svg = clientPicture(Map.of("1280x960", avito.image("vector.svg", bytes(300), "image/svg+xml")));
        assertEquals(502, status(svg, "olga"), "SVG can carry script and is not passed on");
    }

    @Test
    void aPictureWithoutAnAddressIsA400NamingTheFieldAndWritesNothing() {
        Api.Reply reply = new Api(client).post(webhook, AvitoWebhooks.clientImage("m-1", "chat-1", AVITO_USER,
                Map.of("1280x960", "javascript:alert(1)")));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("payload.value.content.image.sizes"), reply.toString());
        assertEquals(400, new Api(client).post(webhook, AvitoWebhooks.clientImage("m-2", "chat-1", AVITO_USER, Map.of())).status());
        assertEquals(0, data.count("messages"));
    }

    /** Posts the picture as Avito does and answers with the stored message as the API shows it. */
    private Map<String, Object> clientPicture(Map<String, String> sizes) {
        String id = "m-" + data.count("messages");
        assertEquals(200, new Api(client).post(webhook, AvitoWebhooks.clientImage(id, "chat-1", AVITO_USER, sizes)).status());
        return messages().stream().filter(m -> id.equals(m.get("externalId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> messages() {
        Api admin = new Api(client).login("boss", TestData.PASSWORD);
        Object id = admin.get("/api/conversations").list().get(0).get("id");
        return (List<Map<String, Object>>) admin.get("/api/conversations/" + id).data().get("messages");
    }

    private HttpResponse<byte[]> get(Map<String, Object> message, String login) {
        return client.toBlocking().exchange(HttpRequest.GET(imagePath(message)).bearerAuth(token(login)), byte[].class);
    }

    private int status(Map<String, Object> message, String login) {
        try {
            return get(message, login).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String imagePath(Map<String, Object> message) {
        return "/api/conversations/" + message.get("conversationId") + "/messages/" + message.get("id") + "/image";
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
