package org.callcentre.crm.calls;

/**
 * Places a call from an operator's phone to a client: the PBX rings the operator's extension
 * first and dials the client once the operator picks up. One implementation per PBX, chosen by
 * {@code crm.click-to-call} ({@code ami} or {@code mango}).
 */
public interface ClickToCall {

    /**
     * @param operatorExtension the operator's SIP address digits, e.g. {@code 101}
     * @param e164Phone         the client's number in E.164, e.g. {@code +79161234567}
     * @throws Failed when the PBX is unreachable or refuses the call
     */
    void originate(String operatorExtension, String e164Phone);

    /** The PBX did not take the call. */
    class Failed extends RuntimeException {
        public Failed(String message) {
            super(message);
        }
    }
}
