package org.callcentre.crm.shared;

/**
 * Text bound for a spreadsheet: a cell starting with =, @, + or - is run as a formula by spreadsheet programs, so
 * text that a caller or an operator typed could run one on the reader's machine; such text gets a leading apostrophe,
 * which spreadsheets show as "text follows". Plain numbers and phone numbers (+7 916 …) are left as they are.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    public static String neutralised(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    /**
     * For a file that is read back (the knowledge base): a text that already starts with an apostrophe gets one more,
     * so that {@link #restored} can take exactly one away from every cell that has one.
     */
    public static String neutralisedReversibly(String text) {
        return formulaLike(text) || text.startsWith("'") ? "'" + text : text;
    }

    /** The text {@link #neutralisedReversibly} was given. */
    public static String restored(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static boolean formulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !text.matches("[+-][0-9 ().\\-]*"));
    }
}
