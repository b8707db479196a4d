package org.callcentre.crm.telephony.ami;

import java.time.Instant;

/**
 * A time the manager connection heard nothing, over now that it is logged in again: events of
 * that time were never received. Published once the events heard before it have been applied.
 *
 * @param start  the last moment something was heard (an event, or the answer to a Ping)
 * @param end    the new login
 * @param reason why it was lost, for people reading the gap
 */
record AmiOutage(Instant start, Instant end, String reason) {
}
