package org.callcentre.loadtest;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Rows streamed into one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format,
 * a megabyte at a time. Values are appended field by field; timestamps are whole UTC seconds.
 */
final class CopyRows implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;
    private static final String[] DAYS = new String[40_000];

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstField = true;
    private long rows;

    /** @param freeze the table was created or truncated in this transaction: rows are written frozen, visible to all */
    CopyRows(CopyManager copies, String table, String columns, boolean freeze) throws SQLException {
        this.copy = copies.copyIn("COPY " + table + " (" + columns + ") FROM STDIN" + (freeze ? " (FREEZE)" : ""));
    }

    CopyRows text(String value) {
        separate();
        if (value == null) {
            row.append("\\N");
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> row.append("\\\\");
                    case '\t' -> row.append("\\t");
                    case '\n' -> row.append("\\n");
                    default -> row.append(c);
                }
            }
        }
        return this;
    }

    CopyRows number(long value) {
        separate();
        row.append(value);
        return this;
    }

    /** {@code value} or NULL when it is {@code none} */
    CopyRows numberOrNull(long value, long none) {
        return value == none ? text(null) : number(value);
    }

    CopyRows money(long kopecks) {
        separate();
        row.append(kopecks / 100).append('.');
        long k = kopecks % 100;
        row.append(k < 10 ? "0" : "").append(k);
        return this;
    }

    /** Epoch seconds as a UTC timestamp; a negative value is NULL. */
    CopyRows time(long epochSecond) {
        separate();
        if (epochSecond < 0) {
            row.append("\\N");
            return this;
        }
        int day = (int) Math.floorDiv(epochSecond, 86_400L);
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        String date = DAYS[day];
        if (date == null) {
            date = LocalDate.ofEpochDay(day).toString();
            DAYS[day] = date;
        }
        row.append(date).append(' ');
        two(second / 3600).append(':');
        two(second / 60 % 60).append(':');
        two(second % 60).append("+00");
        return this;
    }

    void end() throws SQLException {
        row.append('\n');
        firstField = true;
        rows++;
        if (row.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }

    private StringBuilder two(int n) {
        return row.append(n < 10 ? "0" : "").append(n);
    }

    private void separate() {
        if (!firstField) {
            row.append('\t');
        }
        firstField = false;
    }

    private void flush() throws SQLException {
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        row.setLength(0);
    }
}
