package org.callcentre.crm.telephony.sip;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsRequestsTest {
    OptionsRequests requests;

    @BeforeEach
    void setUp() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        requests = new OptionsRequests(factory.createAddressFactory(), factory.createHeaderFactory(), factory.createMessageFactory());
    }

    @Test
    void theRequestCarriesEveryHeaderOfARequestOutsideADialog() throws Exception {
        Request request = requests.build(new SipProbeTarget("sip.zadarma.com", 5060, "udp", "kazan01"), "127.0.0.1", 40000);

        assertEquals(Request.OPTIONS, request.getMethod());
        assertEquals("sip:kazan01@sip.zadarma.com:5060;transport=udp", request.getRequestURI().toString());
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        assertEquals("127.0.0.1", via.getHost());
        assertEquals(40000, via.getPort());
        assertEquals("udp", via.getTransport().toLowerCase());
        assertTrue(via.getBranch().startsWith("z9hG4bK"), via.getBranch());
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        assertNotNull(from.getTag());
        assertEquals("sip:crm@127.0.0.1:40000", from.getAddress().getURI().toString());
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        assertEquals("sip:kazan01@sip.zadarma.com:5060", to.getAddress().getURI().toString());
        assertNull(to.getTag());
        assertNotNull(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        assertEquals(1L, cseq.getSeqNumber());
        assertEquals(Request.OPTIONS, cseq.getMethod());
        assertEquals(70, ((MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
        SipURI contact = (SipURI) ((ContactHeader) request.getHeader(ContactHeader.NAME)).getAddress().getURI();
        assertEquals("udp", contact.getTransportParam());
        assertEquals(40000, contact.getPort());
        assertEquals(OptionsRequests.USER_AGENT, ((UserAgentHeader) request.getHeader(UserAgentHeader.NAME)).getProduct().next());
    }

    @Test
    void everyProbeIsANewTransactionWithANewCallId() throws Exception {
        SipProbeTarget target = new SipProbeTarget("10.0.0.1", 5060, "tcp", SipProbeTarget.ANONYMOUS_USER);
        Request first = requests.build(target, "127.0.0.1", 40000);
        Request second = requests.build(target, "127.0.0.1", 40000);
        assertNotEquals(first.getHeader(CallIdHeader.NAME), second.getHeader(CallIdHeader.NAME));
        assertNotEquals(((ViaHeader) first.getHeader(ViaHeader.NAME)).getBranch(), ((ViaHeader) second.getHeader(ViaHeader.NAME)).getBranch());
        assertEquals("sip:ping@10.0.0.1:5060;transport=tcp", first.getRequestURI().toString());
    }

    @Test
    void anIpv6RegistrarIsBracketed() throws Exception {
        Request request = requests.build(new SipProbeTarget("2001:db8::10", 5061, "tcp", "ping"), "127.0.0.1", 40000);
        assertEquals("sip:ping@[2001:db8::10]:5061;transport=tcp", request.getRequestURI().toString());
    }
}
