package org.callcentre.crm.siplines;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address of a SIP registrar as PBX configs take it: a DNS name, an IPv4 or an IPv6 address. */
final class SipHost {
    static final int MAX_LENGTH = 253;
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String NAME = LABEL + "(\\." + LABEL + ")*\\.?";
    private static final String IPV4 = "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

    private SipHost() {
    }

    static boolean isValid(String host) {
        if (host.length() > MAX_LENGTH) {
            return false;
        }
        if (host.contains(":")) {
            return isIpv6(host);
        }
        // all-numeric names are not DNS names, so 10.0.0.300 is a mistyped address, not a host
        return host.matches("[0-9.]+") ? host.matches(IPV4) : host.matches(NAME);
    }

    /** A text of hex digits, dots and colons is parsed as a literal by the JDK, never looked up in DNS. */
    private static boolean isIpv6(String host) {
        if (!host.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
