package org.callcentre.crm.telephony.sip;

import org.callcentre.crm.siplines.SipLine;

/** Where an OPTIONS probe goes: the line's registrar, addressed as its own user when it has one. */
record SipProbeTarget(String host, int port, String transport, String user) {
    static final String ANONYMOUS_USER = "ping";

    static SipProbeTarget of(SipLine line) {
        String user = line.username() == null || line.username().isBlank() ? ANONYMOUS_USER : line.username();
        return new SipProbeTarget(line.host(), line.port(), line.transport(), user);
    }

    @Override
    public String toString() {
        return "sip:" + user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + ";transport=" + transport;
    }
}
