package org.callcentre.crm.presence;

import java.time.Instant;

/** An operator as the operators table has them, with when their current work status began. */
record RosterEntry(long operatorId, String name, String sipAddress, String city, String statusWork,
                   Instant statusSince) {
}
