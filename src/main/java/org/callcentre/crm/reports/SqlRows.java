package org.callcentre.crm.reports;

import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Rows read through a database cursor, a fetch at a time, and handed on as they arrive. */
final class SqlRows implements ReportRows {
    private static final int FETCH_SIZE = 1000;

    private final Db db;
    private final List<SqlColumn> columns;
    private final String sql;
    private final Object[] params;

    /**
     * @param fromWhereOrder everything after the column list: {@code FROM … WHERE … ORDER BY …}
     * @param params         the values of its placeholders
     */
    SqlRows(Db db, List<SqlColumn> columns, String fromWhereOrder, Object... params) {
        this.db = db;
        this.columns = columns;
        this.sql = columns.stream().map(SqlColumn::expression).collect(Collectors.joining(", ", "SELECT ", " "))
                + fromWhereOrder;
        this.params = params;
    }

    static List<Column> columnsOf(List<SqlColumn> columns) {
        return columns.stream().map(SqlColumn::column).toList();
    }

    @Override
    public void forEach(RowConsumer consumer) throws IOException {
        try {
            db.stream(sql, FETCH_SIZE, rs -> {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    Column column = columns.get(i).column();
                    values[i] = column.shown(column.kind().read(rs, i + 1));
                }
                try {
                    return consumer.accept(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, params);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
