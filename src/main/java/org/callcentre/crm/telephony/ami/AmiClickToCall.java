package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.asteriskjava.manager.action.OriginateAction;
import org.callcentre.crm.calls.ClickToCall;

/**
 * Click-to-call through Asterisk: {@code Originate} rings the operator's channel and, once it is
 * answered, sends it to {@code originate-context} to dial the client. The caller id the operator's
 * phone shows is the number being called, under the operator's own extension, so that the
 * dialplan's outbound caller-id rules still see the extension.
 */
@Singleton
@Requires(beans = AmiConnector.class)
@Requires(property = "crm.click-to-call", value = "ami", defaultValue = "ami")
class AmiClickToCall implements ClickToCall {
    private final AmiConnector connector;
    private final AmiSettings settings;

    AmiClickToCall(AmiConnector connector, AmiSettings settings) {
        this.connector = connector;
        this.settings = settings;
    }

    @Override
    public void originate(String operatorExtension, String e164Phone) {
        String number = settings.dialPrefix() + e164Phone.replace("+", "");
        OriginateAction originate = new OriginateAction();
        originate.setChannel(settings.memberInterface(operatorExtension));
        originate.setContext(settings.originateContext());
        originate.setExten(number);
        originate.setPriority(1);
        originate.setCallerId("\"" + number + "\" <" + operatorExtension + ">");
        originate.setAsync(true);
        try {
            connector.send(originate);
        } catch (AmiConnector.AmiUnavailable e) {
            throw new ClickToCall.Failed(e.getMessage());
        }
    }
}
