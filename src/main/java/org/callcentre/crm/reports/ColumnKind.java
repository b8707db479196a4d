package org.callcentre.crm.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * What a column holds, so that each format can write it as its own type: spreadsheets get real
 * numbers and dates rather than text that looks like them.
 */
enum ColumnKind {
    TEXT, INTEGER, DECIMAL, MONEY, DATE_TIME;

    /** Reads the column as String, Long, BigDecimal or LocalDateTime; SQL NULL stays null. */
    Object read(ResultSet rs, int index) throws SQLException {
        return switch (this) {
            case TEXT -> rs.getString(index);
            case INTEGER -> {
                long value = rs.getLong(index);
                yield rs.wasNull() ? null : value;
            }
            case DECIMAL, MONEY -> rs.getBigDecimal(index);
            case DATE_TIME -> rs.getObject(index, LocalDateTime.class);
        };
    }
}
