package org.callcentre.crm.calls;

import org.callcentre.crm.shared.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page of the call list ended: the last call's start and id, the list's (newest-first,
 * unique) order. The next page is the calls before it, one index range on whichever
 * (column, created_at, id) index the filter uses, however deep the client has paged; an offset
 * would read and skip every row before the page. Opaque to clients: base64url of
 * {@code <epoch microseconds>.<id>} (PostgreSQL keeps microseconds).
 */
record CallCursor(Instant createdAt, long id) {

    static CallCursor after(Call last) {
        return new CallCursor(last.dateCreate(), last.id());
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** A cursor as {@link #encode} wrote it, or a 400 naming {@code field}. */
    static CallCursor parse(String field, String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length == 2) {
                return new CallCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), Long.parseLong(parts[1]));
            }
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException unreadable) {
            // the message below says what is wanted
        }
        throw ApiException.badField(field, "must be the 'next' value of a previous page of this list");
    }
}
