package org.callcentre.crm.stats;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Call measures summed over some calls; the names are the rollup columns of {@link CallFacts}.
 *
 * @param timed handled calls whose talk is known: what averages of talk and handling divide by, so
 *              that a call whose end was never heard is left out of them rather than counted as 0 s
 */
record CallSums(long inbound, long answered, long outbound, long outboundAnswered, long waitAnswered,
                long answeredWithinSl, long abandoned, long abandonedShort, long abandonedWithinSl, long talk, long hold,
                long timed) {
    static final CallSums NONE = new CallSums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static CallSums read(ResultSet rs) throws SQLException {
        return new CallSums(rs.getLong("inbound"), rs.getLong("answered"), rs.getLong("outbound"),
                rs.getLong("outbound_answered"), rs.getLong("wait_answered"), rs.getLong("answered_within_sl"),
                rs.getLong("abandoned"), rs.getLong("abandoned_short"), rs.getLong("abandoned_within_sl"),
                rs.getLong("talk"), rs.getLong("hold"), rs.getLong("timed"));
    }

    CallSums plus(CallSums o) {
        return new CallSums(inbound + o.inbound, answered + o.answered, outbound + o.outbound,
                outboundAnswered + o.outboundAnswered, waitAnswered + o.waitAnswered, answeredWithinSl + o.answeredWithinSl,
                abandoned + o.abandoned, abandonedShort + o.abandonedShort, abandonedWithinSl + o.abandonedWithinSl,
                talk + o.talk, hold + o.hold, timed + o.timed);
    }

    /** The same calls counted against another service-level threshold. */
    CallSums withinThreshold(long answeredWithin, long abandonedWithin) {
        return new CallSums(inbound, answered, outbound, outboundAnswered, waitAnswered, answeredWithin, abandoned,
                abandonedShort, abandonedWithin, talk, hold, timed);
    }

    /** Inbound calls nobody answered: missed, busy and failed alike. */
    long missed() {
        return inbound - answered;
    }

    /** Answered calls in both directions: the calls an operator handled. */
    long handled() {
        return answered + outboundAnswered;
    }

    /** Talk, hold and the wrap-up charged to each timed call: nothing is known of the others' handling. */
    long handlingSeconds(int wrapUpSeconds) {
        return talk + hold + (long) wrapUpSeconds * timed;
    }

    /** Average handling time: over the timed calls only. */
    double ahtSeconds(int wrapUpSeconds) {
        return Ratios.average(handlingSeconds(wrapUpSeconds), timed);
    }

    double averageTalkSeconds() {
        return Ratios.average(talk, timed);
    }
}
