package org.callcentre.crm.siplines;

import java.time.Instant;
import java.util.List;

/** A sip_lines row with its city's name; the secret stays encrypted and never leaves this record. */
public record SipLine(long id, String name, String host, int port, String transport, String username,
                      String secretEncrypted, Long cityId, String city, boolean enabled,
                      Instant createdAt, Instant updatedAt) {

    public static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");
    public static final int DEFAULT_PORT = 5060;
    public static final String DEFAULT_TRANSPORT = "udp";

    public SipLineView view() {
        return new SipLineView(id, name, host, port, transport, username, secretEncrypted != null, city, enabled,
                createdAt, updatedAt);
    }
}
