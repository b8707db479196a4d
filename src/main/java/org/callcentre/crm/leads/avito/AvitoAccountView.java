package org.callcentre.crm.leads.avito;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What the API shows of an account: whether a client secret is set, never the secret.
 * {@code webhookPath} holds the secret webhook address only in the answer that created or renewed
 * it; the CRM keeps a hash and cannot show it again.
 */
@Serdeable
public record AvitoAccountView(long id, String name, String city, String rk, long avitoUserId, String clientId,
                               boolean hasSecret, boolean enabled, String webhookPath, Instant createdAt,
                               Instant updatedAt) {
}
