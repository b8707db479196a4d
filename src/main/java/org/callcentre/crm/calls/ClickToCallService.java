package org.callcentre.crm.calls;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.operators.Operator;
import org.callcentre.crm.operators.OperatorRepository;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Map;
import java.util.Optional;

/**
 * Calls a client from the CRM on the requesting operator's own phone: only to numbers the company allows
 * ({@link OriginateLimits}: no premium-rate or foreign numbers by default) and at most so many calls per
 * user in a window, counted from the audit log so that every node of a cluster counts the same.
 */
@Singleton
public class ClickToCallService {
    private final Optional<ClickToCall> pbx;
    private final OperatorRepository operators;
    private final AuditLog audit;
    private final OriginateLimits limits;
    private final Db db;

    public ClickToCallService(Optional<ClickToCall> pbx, OperatorRepository operators, AuditLog audit, OriginateLimits limits, Db db) {
        this.pbx = pbx;
        this.operators = operators;
        this.audit = audit;
        this.limits = limits;
        this.db = db;
    }

    /** The audit row is written only once the PBX has taken the call. */
    @Transactional
    public void originate(Actor actor, String rawPhone) {
        String phone = PhoneNumbers.require("phone", rawPhone);
        if (!limits.allows(phone)) {
            throw ApiException.badField("phone", "calls to " + phone + " are not allowed from the CRM (premium-rate or abroad); "
                    + "an admin may allow its prefix in CRM_ORIGINATE_ALLOWED_PREFIXES");
        }
        // one user's calls take turns, so that two at once cannot both slip under the count
        db.queryOne("SELECT pg_advisory_xact_lock(hashtext('originate:' || ?))", rs -> 1, String.valueOf(actor.id()));
        long recent = db.queryLong("SELECT count(*) FROM audit_log WHERE action = 'originate' AND actor_id = ? "
                + "AND at > now() - make_interval(secs => ?)", actor.id(), limits.window().toSeconds());
        if (recent >= limits.maxPerUser()) {
            throw ApiException.tooManyRequests("You placed " + recent + " calls from the CRM in the last "
                    + limits.window().toMinutes() + " minutes; wait a little", limits.window().dividedBy(Math.max(1, limits.maxPerUser())));
        }
        String extension = operators.findById(actor.id()).map(Operator::sipAddress)
                .orElseThrow(() -> ApiException.conflict("You have no SIP address (extension): an admin must set one before you can call from the CRM"));
        ClickToCall calls = pbx.orElseThrow(() -> ApiException.conflict(
                "Click-to-call is not configured: connect an Asterisk (CRM_AMI_HOST) or choose a PBX with CRM_CLICK_TO_CALL"));
        try {
            calls.originate(extension, phone);
        } catch (ClickToCall.Failed e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "pbx_error", "The PBX did not place the call: " + e.getMessage(), Map.of());
        }
        audit.record(actor, "originate", "call", null, Map.of("phone", phone, "extension", extension));
    }
}
