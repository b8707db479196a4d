package org.callcentre.crm.knowledge;

import org.callcentre.crm.shared.SpreadsheetCells;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The knowledge base as RFC 4180 CSV with the header {@code category,title,question,answer,city}:
 * one row per question variant, rows with the same title and city making one entry (an empty city
 * is every city). Reading checks everything first and names the line of the first problem. Cells that a
 * spreadsheet would run as a formula are written with a leading apostrophe, which reading takes away again.
 */
public final class KnowledgeCsv {
    public static final List<String> HEADER = List.of("category", "title", "question", "answer", "city");

    private KnowledgeCsv() {
    }

    /** @throws IllegalArgumentException naming the line when the file is not such a CSV */
    public static List<KbCsvEntry> read(Reader in) {
        List<List<String>> rows = parse(in);
        if (rows.isEmpty() || !rows.get(0).stream().map(String::trim).toList().equals(HEADER)) {
            throw new IllegalArgumentException("line 1: the header must be " + String.join(",", HEADER));
        }
        Map<String, KbCsvEntry> entries = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i).stream().map(SpreadsheetCells::restored).toList();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            int line = i + 1;
            if (row.size() != HEADER.size()) {
                throw new IllegalArgumentException("line " + line + ": expected 5 columns, found " + row.size());
            }
            String category = required(row.get(0), "category", line);
            String title = required(row.get(1), "title", line);
            String question = required(row.get(2), "question", line);
            String answer = required(row.get(3), "answer", line);
            String city = row.get(4).isBlank() ? null : row.get(4).trim();
            String key = title.toLowerCase() + "\u0000" + Objects.requireNonNullElse(city, "");
            KbCsvEntry known = entries.get(key);
            if (known == null) {
                entries.put(key, new KbCsvEntry(category, title, new ArrayList<>(List.of(question)), answer, city));
            } else {
                if (!known.answer().equals(answer) || !known.category().equals(category)) {
                    throw new IllegalArgumentException("line " + line + ": entry '" + title
                            + "' has another category or answer on an earlier line");
                }
                known.questions().add(question);
            }
        }
        return entries.values().stream()
                .map(e -> new KbCsvEntry(e.category(), e.title(), List.copyOf(e.questions()), e.answer(), e.city()))
                .toList();
    }

    public static void write(List<KbCsvEntry> entries, Writer out) {
        try {
            writeRow(out, HEADER);
            for (KbCsvEntry entry : entries) {
                for (String question : entry.questions()) {
                    writeRow(out, List.of(entry.category(), entry.title(), question, entry.answer(),
                            Objects.requireNonNullElse(entry.city(), "")));
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String value, String column, int line) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("line " + line + ": " + column + " is empty");
        }
        return value.trim();
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = SpreadsheetCells.neutralisedReversibly(cells.get(i));
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            out.write(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.write("\r\n");
    }

    /** Rows of cells; quoted cells may hold commas, doubled quotes and line breaks. A leading BOM is skipped. */
    static List<List<String>> parse(Reader in) {
        String text = readAll(in);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + line + ": a quoted cell is not closed");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String readAll(Reader in) {
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
