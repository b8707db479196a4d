package org.callcentre.crm.leads.avito;

import org.callcentre.crm.conversations.IncomingMessage;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A messenger webhook body, {@code {"payload":{"type":"message","value":{"id","chat_id","user_id",
 * "author_id","type","chat_type","item_id","created","content":{"text"}}}}}. {@code user_id} is the
 * account the webhook is for; {@code author_id} who wrote — equal when it is the account's own message.
 * A picture is {@code "type":"image","content":{"image":{"sizes":{"140x105":url,"1280x960":url,…}}}}:
 * the largest size's address is kept, and the text stays "[image]" for whoever reads only text.
 */
record AvitoWebhookMessage(String id, String chatId, long userId, long authorId, String itemId, String text,
                           String imageUrl, Instant created) {
    private static final int MAX_TEXT = 4000;
    private static final long FIRST_TIME = 946_684_800L;
    private static final long END_OF_TIMES = 4_102_444_800L;
    private static final int MAX_URL = 2000;
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,5})x([0-9]{1,5})");

    boolean ownMessage() {
        return userId == authorId;
    }

    IncomingMessage incoming(AvitoAccount account) {
        return new IncomingMessage(account.id(), account.cityId(), account.rk(), chatId, itemId, id, text, imageUrl, created);
    }

    /** The message, or empty for other events (read receipts, chat changes); a malformed message is a 400 naming the field. */
    static Optional<AvitoWebhookMessage> parse(Map<String, Object> body) {
        if (!(body.get("payload") instanceof Map<?, ?> payload)) {
            throw ApiException.badField("payload", "is required");
        }
        if (!"message".equals(payload.get("type"))) {
            return Optional.empty();
        }
        if (!(payload.get("value") instanceof Map<?, ?> value)) {
            throw ApiException.badField("payload.value", "is required");
        }
        Fields f = new Fields();
        String id = f.required("payload.value.id", text(value.get("id")), 200);
        String chatId = f.required("payload.value.chat_id", text(value.get("chat_id")), 200);
        Long userId = number(f, "payload.value.user_id", value.get("user_id"));
        Long authorId = number(f, "payload.value.author_id", value.get("author_id"));
        String itemId = f.optional("payload.value.item_id", text(value.get("item_id")), 100);
        Instant created = created(f, value.get("created"));
        String imageUrl = largestImage(f, value.get("content"));
        f.throwIfAny();
        String type = value.get("type") instanceof String t ? t : "text";
        String content = value.get("content") instanceof Map<?, ?> c && c.get("text") instanceof String t ? t : null;
        String shown = content != null && !content.isBlank() ? content : "[" + type + "]";
        return Optional.of(new AvitoWebhookMessage(id, chatId, userId, authorId, itemId,
                shown.length() > MAX_TEXT ? shown.substring(0, MAX_TEXT) : shown, imageUrl, created));
    }

    /** The address of the largest size of a picture (by width × height), or null when the message has none. */
    private static String largestImage(Fields f, Object content) {
        if (!(content instanceof Map<?, ?> c) || !(c.get("image") instanceof Map<?, ?> image)) {
            return null;
        }
        String field = "payload.value.content.image.sizes";
        if (!(image.get("sizes") instanceof Map<?, ?> sizes) || sizes.isEmpty()) {
            f.check(false, field, "is required for an image");
            return null;
        }
        String best = null;
        long bestArea = -1;
        for (Map.Entry<?, ?> size : sizes.entrySet()) {
            Matcher m = SIZE.matcher(String.valueOf(size.getKey()));
            if (!m.matches() || !(size.getValue() instanceof String url)
                    || !(url.startsWith("https://") || url.startsWith("http://")) || url.length() > MAX_URL) {
                f.check(false, field, "must map WIDTHxHEIGHT to an http(s) address of at most " + MAX_URL + " characters");
                return null;
            }
            long area = Long.parseLong(m.group(1)) * Long.parseLong(m.group(2));
            if (area > bestArea) {
                best = url;
                bestArea = area;
            }
        }
        return best;
    }

    /** Epoch seconds; absent is now. A time outside 2000–2099 is no message Avito sends (nor one a column holds). */
    private static Instant created(Fields f, Object raw) {
        if (raw == null) {
            return Instant.now();
        }
        boolean time = raw instanceof Number seconds && seconds.doubleValue() >= FIRST_TIME && seconds.doubleValue() < END_OF_TIMES;
        f.check(time, "payload.value.created", "is not a time in seconds");
        return time ? Instant.ofEpochSecond(((Number) raw).longValue()) : null;
    }

    private static String text(Object raw) {
        return raw == null ? null : String.valueOf(raw);
    }

    private static Long number(Fields f, String field, Object raw) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        if (raw instanceof String s && s.matches("[0-9]{1,18}")) {
            return Long.parseLong(s);
        }
        f.check(false, field, raw == null ? "is required" : "must be a number");
        return null;
    }
}
