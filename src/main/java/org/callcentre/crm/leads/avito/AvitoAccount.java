package org.callcentre.crm.leads.avito;

import java.time.Instant;

/** An Avito profile as stored; the client secret stays encrypted until a token is asked for. */
public record AvitoAccount(long id, String name, long cityId, String city, String rk, long avitoUserId, String clientId,
                           String clientSecretEncrypted, boolean enabled, Instant createdAt, Instant updatedAt) {

    AvitoAccountView view(String webhookPath) {
        return new AvitoAccountView(id, name, city, rk, avitoUserId, clientId, clientSecretEncrypted != null, enabled,
                webhookPath, createdAt, updatedAt);
    }
}
