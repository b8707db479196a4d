package org.callcentre.crm.telephony.sip;

import javax.sip.InvalidArgumentException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the OPTIONS a probe sends, with every header RFC 3261 (8.1.1, 11.1) asks of a request outside a dialog. */
final class OptionsRequests {
    static final String USER_AGENT = "callcentre-crm";
    private static final String LOCAL_USER = "crm";
    private static final String BRANCH_COOKIE = "z9hG4bK";

    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    OptionsRequests(AddressFactory addresses, HeaderFactory headers, MessageFactory messages) {
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
    }

    /** An OPTIONS to {@code target}, sent from {@code localAddress:localPort} over the target's transport. */
    Request build(SipProbeTarget target, String localAddress, int localPort) throws ParseException, InvalidArgumentException {
        SipURI requestUri = addresses.createSipURI(target.user(), target.host());
        requestUri.setPort(target.port());
        requestUri.setTransportParam(target.transport());
        SipURI toUri = addresses.createSipURI(target.user(), target.host());
        toUri.setPort(target.port());
        SipURI localUri = addresses.createSipURI(LOCAL_USER, localAddress);
        localUri.setPort(localPort);

        CallIdHeader callId = headers.createCallIdHeader(token() + token() + "@" + localAddress);
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.OPTIONS);
        FromHeader from = headers.createFromHeader(addresses.createAddress(localUri), token());
        ToHeader to = headers.createToHeader(addresses.createAddress(toUri), null);
        ViaHeader via = headers.createViaHeader(localAddress, localPort, target.transport(), BRANCH_COOKIE + token());
        // rport lets a peer behind NAT, or one that ignores sent-by, answer to where the request came from
        via.setRPort();

        Request request = messages.createRequest(requestUri, Request.OPTIONS, callId, cseq, from, to, List.of(via),
                headers.createMaxForwardsHeader(70));
        SipURI contactUri = (SipURI) localUri.clone();
        contactUri.setTransportParam(target.transport());
        request.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
        request.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
        request.addHeader(headers.createAcceptHeader("application", "sdp"));
        return request;
    }

    /** Tags, branches and Call-IDs only need to be unique, not secret. */
    private static String token() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
