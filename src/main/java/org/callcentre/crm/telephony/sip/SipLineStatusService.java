package org.callcentre.crm.telephony.sip;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.siplines.SipLine;
import org.callcentre.crm.siplines.SipLines;

import java.time.Clock;
import java.util.List;

/** The database side of line checks, in short transactions: no connection is held while a probe waits. */
@Singleton
class SipLineStatusService {
    private final SipLines lines;
    private final SipLineStatusRepository statuses;
    private final Clock clock;

    SipLineStatusService(SipLines lines, SipLineStatusRepository statuses, Clock clock) {
        this.lines = lines;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Transactional
    public SipLineStatus status(long lineId) {
        line(lineId);
        return statuses.find(lineId).orElse(SipLineStatus.unknown(lineId));
    }

    @Transactional
    public SipLine line(long lineId) {
        return lines.findById(lineId).orElseThrow(() -> ApiException.notFound("SIP line " + lineId));
    }

    @Transactional
    public List<SipLine> enabledLines() {
        return lines.findEnabled();
    }

    @Transactional
    public SipLineStatus record(long lineId, SipProbeResult result) {
        statuses.save(lineId, result, clock.instant());
        return statuses.find(lineId).orElseThrow();
    }
}
