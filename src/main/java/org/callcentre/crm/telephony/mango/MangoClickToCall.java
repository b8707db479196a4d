package org.callcentre.crm.telephony.mango;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ClickToCall;

import java.io.IOException;
import java.util.UUID;

/**
 * Click-to-call through Mango Office's {@code commands/callback}: Mango rings the operator's
 * extension, then dials the client. The call itself then arrives as ordinary webhooks.
 */
@Singleton
@Requires(property = "crm.click-to-call", value = "mango")
class MangoClickToCall implements ClickToCall {
    /** Begins the id of every callback command sent from here: Mango repeats it on the call's legs. */
    static final String COMMAND_ID_PREFIX = "crm-callback-";
    private final MangoCommands commands;

    MangoClickToCall(MangoCommands commands) {
        this.commands = commands;
    }

    @Override
    public void originate(String operatorExtension, String e164Phone) {
        String json = "{\"command_id\":\"" + COMMAND_ID_PREFIX + UUID.randomUUID() + "\",\"from\":{\"extension\":\"" + operatorExtension
                + "\"},\"to_number\":\"" + e164Phone.substring(1) + "\"}";
        try {
            String answer = commands.send("commands/callback", json);
            if (answer.contains("\"result\"") && !answer.replace(" ", "").contains("\"result\":1000")) {
                throw new ClickToCall.Failed("Mango refused the callback: " + answer);
            }
        } catch (IOException e) {
            throw new ClickToCall.Failed(e.getMessage());
        }
    }
}
