package org.callcentre.crm.telephony.ami;

import java.time.Instant;

/**
 * One row of Asterisk's CDR table ({@code cdr_pgsql}): one party A and at most one party B. A call
 * has several when it rang several phones, went through Local channels or was transferred.
 *
 * @param start       {@code calldate} (or {@code start}): when the row's party A appeared
 * @param duration    seconds from start to hang-up
 * @param billsec     seconds from answer to hang-up
 * @param disposition {@code ANSWERED}, {@code NO ANSWER}, {@code BUSY}, {@code FAILED} (older: {@code CONGESTION})
 * @param linkedid    the call (Asterisk 12+); null in tables without the column
 */
record CdrRow(Instant start, String src, String dst, String dcontext, String channel, String dstchannel, String lastapp,
              String lastdata, long duration, long billsec, String disposition, String uniqueid, String linkedid) {

    /** The same call key AMI events carry: {@code Linkedid}, else the channel's own {@code Uniqueid}. */
    String callKey() {
        return linkedid == null || linkedid.isBlank() ? uniqueid : linkedid;
    }

    Instant end() {
        return start.plusSeconds(duration);
    }

    Instant answeredAt() {
        return start.plusSeconds(duration - billsec);
    }

    boolean answered() {
        return "ANSWERED".equals(disposition);
    }

    /** The queue a {@code Queue(sales,t,,,300)} row went through, else null. */
    String queue() {
        if (!"Queue".equalsIgnoreCase(lastapp) || lastdata == null || lastdata.isBlank()) {
            return null;
        }
        int comma = lastdata.indexOf(',');
        return comma < 0 ? lastdata : lastdata.substring(0, comma);
    }
}
