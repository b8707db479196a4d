package org.callcentre.crm.telephony.sip;

/** Lower-case constants: they are the words of the API and of the {@code sip_line_status.state} column. */
public enum SipLineState {
    up, down, unknown
}
