package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code crm.ami.*}: where the Asterisk manager interface is and how this PBX's dialplan is laid
 * out. Without a host the AMI adapter stays off.
 *
 * @param trunkContexts    dialplan contexts of calls coming in from the outside world
 * @param memberInterface  a queue member's interface for an operator, {@code {ext}} standing for the extension
 * @param originateContext where click-to-call sends the operator's answered channel to dial the client
 * @param dialPrefix       put before the E.164 digits (without '+') to dial an outside number
 * @param pingInterval     heartbeat; a connection silent for three intervals is taken as lost
 * @param cdrJdbcUrl       Asterisk's {@code cdr_pgsql} database, read to backfill the calls of a
 *                         disconnection; without it such a gap is only reported
 * @param cdrTable         the CDR table ({@code table} in cdr_pgsql.conf)
 * @param cdrMargin        how far around a gap CDR rows are looked at: the PBX's clock and ours
 *                         disagree a little, and the last event heard is only roughly when hearing stopped
 */
@ConfigurationProperties("crm.ami")
public record AmiSettings(
        @Nullable String host,
        @Bindable(defaultValue = "5038") int port,
        @Nullable String username,
        @Nullable String secret,
        @Bindable(defaultValue = "from-trunk,from-pstn,inbound") List<String> trunkContexts,
        @Bindable(defaultValue = "PJSIP/{ext}") String memberInterface,
        @Bindable(defaultValue = "from-internal") String originateContext,
        @Bindable(defaultValue = "") String dialPrefix,
        @Bindable(defaultValue = "20s") Duration pingInterval,
        @Nullable String cdrJdbcUrl,
        @Nullable String cdrUsername,
        @Nullable String cdrPassword,
        @Bindable(defaultValue = "cdr") String cdrTable,
        @Bindable(defaultValue = "60s") Duration cdrMargin) {

    /** The queue member interface (also the channel click-to-call rings) of an operator's extension. */
    public String memberInterface(String extension) {
        return memberInterface.replace("{ext}", extension);
    }
}
