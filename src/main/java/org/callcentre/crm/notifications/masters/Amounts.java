package org.callcentre.crm.notifications.masters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The amounts a master types when a job is done: what the client paid, then the expenses
 * («5000 1200», «5000 / 1200», «5000,50»); one number means no expenses. An order number written
 * with № or # is not an amount. Thousands are written without spaces: «5 000» reads as two numbers.
 */
record Amounts(BigDecimal result, BigDecimal expenditure) {
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(\\d{1,9}(?:[.,]\\d{1,2}(?!\\d))?)(?!\\d)");
    private static final Pattern ORDER_REF = Pattern.compile("[#№]\\s*\\d+");

    static Optional<Amounts> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(ORDER_REF.matcher(text).replaceAll(" "));
        List<BigDecimal> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(new BigDecimal(m.group(1).replace(',', '.')));
        }
        return switch (numbers.size()) {
            case 1 -> Optional.of(new Amounts(numbers.get(0), BigDecimal.ZERO));
            case 2 -> Optional.of(new Amounts(numbers.get(0), numbers.get(1)));
            default -> Optional.empty();
        };
    }

    /** The order a reply names with № or #, as in «выехал на №15». */
    static Optional<Long> orderRef(String text) {
        Matcher m = ORDER_REF.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(Long.parseLong(m.group().replaceAll("\\D", ""))) : Optional.empty();
    }
}
