package org.callcentre.crm.stats;

import org.callcentre.crm.shared.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Reads the group column of a grouped statistics statement. */
final class GroupKeys {
    private GroupKeys() {
    }

    static LocalDate day(ResultSet rs) throws SQLException {
        return rs.getObject("day", LocalDate.class);
    }

    static Long operator(ResultSet rs) throws SQLException {
        return Db.getLong(rs, "operator_id");
    }

    static Integer hour(ResultSet rs) throws SQLException {
        return rs.getInt("hour");
    }

    static Long city(ResultSet rs) throws SQLException {
        return Db.getLong(rs, "city_id");
    }

    static Long disposition(ResultSet rs) throws SQLException {
        return Db.getLong(rs, "disposition_id");
    }

    static Long cancelReason(ResultSet rs) throws SQLException {
        return Db.getLong(rs, "cancel_reason_id");
    }

    static String campaign(ResultSet rs) throws SQLException {
        return rs.getString("rk");
    }
}
