package org.callcentre.crm.stats;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Seconds in each work status; the names are the rollup columns of {@link StatusPieces}. */
record StatusSums(long working, long onBreak, long offline) {
    static final StatusSums NONE = new StatusSums(0, 0, 0);

    static StatusSums read(ResultSet rs) throws SQLException {
        return new StatusSums(rs.getLong("working_seconds"), rs.getLong("break_seconds"), rs.getLong("offline_seconds"));
    }

    StatusSums plus(StatusSums o) {
        return new StatusSums(working + o.working, onBreak + o.onBreak, offline + o.offline);
    }
}
