package org.callcentre.crm.timeline;

import org.callcentre.crm.shared.ApiException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A place in the merged timeline: the entry last shown, as {@code <epoch microseconds>.<kind>.<id>}.
 * The next page holds what sorts after it in (at DESC, kind DESC, id DESC).
 */
record TimelineCursor(Instant at, TimelineKind kind, long id) {
    static final TimelineCursor START = new TimelineCursor(Instant.parse("9999-12-31T00:00:00Z"), TimelineKind.call, Long.MAX_VALUE);

    static TimelineCursor of(TimelineEntry entry) {
        return new TimelineCursor(entry.at(), entry.kind(), entry.id());
    }

    static TimelineCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        String[] parts = text.split("\\.");
        try {
            if (parts.length == 3) {
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
                return new TimelineCursor(at, TimelineKind.valueOf(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below, like any other malformed cursor
        }
        throw ApiException.badField("before", "is not a cursor this endpoint gave out");
    }

    String format() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + kind.name() + "." + id;
    }

    /**
     * The largest id of {@code source} at this cursor's instant that still comes after it: all of
     * them when the source sorts before the cursor's kind, those below the id for the same kind,
     * none (so only earlier instants) when it sorts after.
     */
    long idBound(TimelineKind source) {
        int order = Integer.compare(source.ordinal(), kind.ordinal());
        return order < 0 ? Long.MAX_VALUE : order == 0 ? id : Long.MIN_VALUE;
    }
}
