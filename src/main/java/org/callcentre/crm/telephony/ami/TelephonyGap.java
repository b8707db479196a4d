package org.callcentre.crm.telephony.ami;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A stretch of time the PBX's live events were not heard, as {@code GET /api/telephony/gaps} shows it.
 *
 * @param state           {@code backfilled} (its calls were read from the CDR table), {@code reported}
 *                        (not backfilled: no CDR database; a gap is also written this way before its
 *                        backfill, so that a crash mid-way still leaves it visible) or
 *                        {@code backfill_failed} (the CDR table could not be read: see {@code error})
 * @param cdrCalls        calls the CDR table holds for the gap; null until it was read
 * @param backfilledCalls of those, the calls the CRM did not know and added
 */
@Serdeable
public record TelephonyGap(long id, String source, Instant start, Instant end, String reason, String state,
                           Integer cdrCalls, Integer backfilledCalls, String error, Instant recordedAt,
                           Instant updatedAt) {

    public static final String BACKFILLED = "backfilled";
    public static final String REPORTED = "reported";
    public static final String BACKFILL_FAILED = "backfill_failed";
    public static final List<String> STATES = List.of(BACKFILLED, REPORTED, BACKFILL_FAILED);
}
