package org.callcentre.crm.telephony.mango;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code crm.mango.*}: the VPBX API key and salt (env {@code CRM_MANGO_API_KEY},
 * {@code CRM_MANGO_API_SALT}) and the API base URL for outgoing commands.
 */
@ConfigurationProperties("crm.mango")
public record MangoSettings(@Nullable String apiKey, @Nullable String apiSalt, @Nullable String apiUrl) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank() && apiSalt != null && !apiSalt.isBlank();
    }
}
