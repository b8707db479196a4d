package org.callcentre.crm.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

record DayCount(LocalDate day, long count) {

    /** Reads a {@code (day date, count bigint)} row. */
    static DayCount read(ResultSet rs) throws SQLException {
        return new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2));
    }
}
