package org.callcentre.crm.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Avito messenger webhook bodies as Avito sends them. */
public final class AvitoWebhooks {
    private AvitoWebhooks() {
    }

    /** A client's text message in chat {@code chatId} of account {@code userId}. */
    public static Map<String, Object> clientMessage(String messageId, String chatId, long userId, String text) {
        return message(messageId, chatId, userId, 777000L, text);
    }

    public static Map<String, Object> message(String messageId, String chatId, long userId, long authorId, String text) {
        return message(messageId, chatId, userId, authorId, "text", Map.of("text", text));
    }

    /** A client's picture, {@code sizes} mapping "WIDTHxHEIGHT" to the address of that size, as Avito sends it. */
    public static Map<String, Object> clientImage(String messageId, String chatId, long userId, Map<String, String> sizes) {
        return message(messageId, chatId, userId, 777000L, "image", Map.of("image", Map.of("sizes", sizes)));
    }

    private static Map<String, Object> message(String messageId, String chatId, long userId, long authorId, String type,
                                               Map<String, Object> content) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", messageId);
        value.put("chat_id", chatId);
        value.put("user_id", userId);
        value.put("author_id", authorId);
        value.put("created", System.currentTimeMillis() / 1000);
        value.put("type", type);
        value.put("chat_type", "u2i");
        value.put("item_id", 4242);
        value.put("content", content);
        return Map.of("id", "evt-" + messageId, "version", "v3.0.0", "timestamp", System.currentTimeMillis() / 1000,
                "payload", Map.of("type", "message", "value", value));
    }
}
