package org.callcentre.crm.reports;

/**
 * The CSV field separator. Excel set to a Russian locale splits on semicolons and reads decimal
 * commas, so {@code semicolon} also writes numbers with a decimal comma.
 */
enum CsvSeparator {
    comma(',', '.'), semicolon(';', ',');

    private final char field;
    private final char decimal;

    CsvSeparator(char field, char decimal) {
        this.field = field;
        this.decimal = decimal;
    }

    char field() {
        return field;
    }

    char decimal() {
        return decimal;
    }
}
