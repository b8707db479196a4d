package org.callcentre.crm.calls;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.operators.Operator;
import org.callcentre.crm.operators.OperatorRepository;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.Map;
import java.util.Optional;

/** Calls a client from the CRM on the requesting operator's own phone. */
@Singleton
public class ClickToCallService {
    private final Optional<ClickToCall> pbx;
    private final OperatorRepository operators;
    private final AuditLog audit;

    public ClickToCallService(Optional<ClickToCall> pbx, OperatorRepository operators, AuditLog audit) {
        this.pbx = pbx;
        this.operators = operators;
        this.audit = audit;
    }

    /** The audit row is written only once the PBX has taken the call. */
    @Transactional
    public void originate(Actor actor, String rawPhone) {
        String phone = PhoneNumbers.require("phone", rawPhone);
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
