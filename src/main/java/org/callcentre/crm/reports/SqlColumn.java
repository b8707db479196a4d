package org.callcentre.crm.reports;

/** A report column and the SQL expression that reads it, kept side by side so they cannot drift apart. */
record SqlColumn(Column column, String expression) {

    static SqlColumn of(Column column, String expression) {
        return new SqlColumn(column, expression);
    }
}
