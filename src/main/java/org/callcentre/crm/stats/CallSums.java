package org.callcentre.crm.stats;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Call measures summed over some calls; the names are the rollup columns of {@link CallFacts}. */
record CallSums(long inbound, long answered, long outbound, long outboundAnswered, long waitAnswered,
                long answeredWithinSl, long abandoned, long abandonedShort, long abandonedWithinSl, long talk, long hold) {
    static final CallSums NONE = new CallSums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static CallSums read(ResultSet rs) throws SQLException {
        return new CallSums(rs.getLong("inbound"), rs.getLong("answered"), rs.getLong("outbound"),
                rs.getLong("outbound_answered"), rs.getLong("wait_answered"), rs.getLong("answered_within_sl"),
                rs.getLong("abandoned"), rs.getLong("abandoned_short"), rs.getLong("abandoned_within_sl"),
                rs.getLong("talk"), rs.getLong("hold"));
    }

    CallSums plus(CallSums o) {
        return new CallSums(inbound + o.inbound, answered + o.answered, outbound + o.outbound,
                outboundAnswered + o.outboundAnswered, waitAnswered + o.waitAnswered, answeredWithinSl + o.answeredWithinSl,
                abandoned + o.abandoned, abandonedShort + o.abandonedShort, abandonedWithinSl + o.abandonedWithinSl,
                talk + o.talk, hold + o.hold);
    }

    /** The same calls counted against another service-level threshold. */
    CallSums withinThreshold(long answeredWithin, long abandonedWithin) {
        return new CallSums(inbound, answered, outbound, outboundAnswered, waitAnswered, answeredWithin, abandoned,
                abandonedShort, abandonedWithin, talk, hold);
    }

    /** Inbound calls nobody answered: missed, busy and failed alike. */
    long missed() {
        return inbound - answered;
    }

    /** Answered calls in both directions: the calls an operator handled. */
    long handled() {
        return answered + outboundAnswered;
    }

    /** Talk, hold and the wrap-up charged to each handled call. */
    long handlingSeconds(int wrapUpSeconds) {
        return talk + hold + (long) wrapUpSeconds * handled();
    }
}
