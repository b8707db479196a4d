package org.callcentre.crm.reports;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rows of a report, read only while the report is being written, inside the writer's read-only
 * transaction. Values are String, Long, BigDecimal, LocalDateTime or null, in column order.
 */
@FunctionalInterface
interface ReportRows {

    /** Receives one row; returning false stops the reading. */
    @FunctionalInterface
    interface RowConsumer {
        boolean accept(Object[] values) throws IOException;
    }

    void forEach(RowConsumer consumer) throws IOException;

    /**
     * The rows of {@code items}, each turned into its values by {@code values}; {@code items} is asked for only
     * when the report is written (in the writer's transaction), and the reading stops when the consumer does.
     */
    static <T> ReportRows of(Supplier<? extends Iterable<T>> items, Function<T, Object[]> values) {
        return consumer -> {
            for (T item : items.get()) {
                if (!consumer.accept(values.apply(item))) {
                    return;
                }
            }
        };
    }
}
