package org.callcentre.crm.calls;

import java.time.Instant;

/**
 * The PBX's live events were not heard from {@code start} to {@code end}, so calls may be missing:
 * published when an adapter finds the gap ({@code reported}) and again once its backfill is settled.
 * Supervisors see it live; the adapter itself never pushes to browsers.
 */
public record TelephonyGapChanged(long id, Instant start, Instant end, String state, String reason,
                                  Integer backfilledCalls) {
}
