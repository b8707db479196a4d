package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEvents;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovers the calls of a gap from Asterisk's CDR table: those that began and ended within it
 * (widened by {@code crm.ami.cdr-margin} on both sides, for the two clocks and for a drop dated
 * from the last thing heard) and that the CRM has no row for, or whose end it did not hear (the
 * reconciliation found their channels gone): these get their real end, and so their talk, from the
 * CDR instead of none. They enter through {@link CallEvents} like any AMI call. Calls whose end
 * was heard are left as AMI told them; one still going on at the reconnect has no CDR yet and is
 * heard from then on.
 */
@Singleton
@Requires(property = "crm.ami.cdr-jdbc-url", pattern = ".+")
class CdrBackfill {
    /** Calls per ingest transaction: a long gap of a busy centre should not become one huge transaction. */
    private static final int CALLS_PER_BATCH = 100;

    private final CdrTable table;
    private final CdrCallTranslator translator;
    private final AmiCallRepository calls;
    private final CallEvents ingestor;
    private final Duration margin;

    CdrBackfill(CdrTable table, CdrCallTranslator translator, AmiCallRepository calls, CallEvents ingestor, AmiSettings settings) {
        this.table = table;
        this.translator = translator;
        this.calls = calls;
        this.ingestor = ingestor;
        this.margin = settings.cdrMargin();
    }

    /**
     * @param cdrCalls        calls of the gap the CDR table holds
     * @param backfilledCalls of those, the ones that were new to the CRM or whose end it had not heard
     */
    record Result(int cdrCalls, int backfilledCalls) {
    }

    Result backfill(Instant gapStart, Instant gapEnd) throws SQLException {
        Instant latestEnd = gapEnd.plus(margin);
        Map<String, List<CdrRow>> inGap = CdrCallTranslator.byCall(table.rowsStartedBetween(gapStart.minus(margin), gapEnd));
        inGap.values().removeIf(rows -> rows.stream().anyMatch(row -> row.end().isAfter(latestEnd)));
        Set<String> known = calls.heardCallKeys(inGap.keySet());
        List<CallEvent> batch = new ArrayList<>();
        int backfilled = 0;
        for (Map.Entry<String, List<CdrRow>> call : inGap.entrySet()) {
            if (known.contains(call.getKey())) {
                continue;
            }
            batch.addAll(translator.events(call.getKey(), call.getValue()));
            if (++backfilled % CALLS_PER_BATCH == 0) {
                ingestor.accept(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            ingestor.accept(batch);
        }
        return new Result(inGap.size(), backfilled);
    }
}
