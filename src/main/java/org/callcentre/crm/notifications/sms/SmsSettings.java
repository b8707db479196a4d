package org.callcentre.crm.notifications.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code crm.notifications.sms.*}: the HTTP SMS gateway (SMS.ru's API: {@code POST <api-url>/sms/send}
 * with api_id, to, msg, from, json=1). An empty api key leaves SMS off: such notifications fail at
 * once with that reason.
 */
@ConfigurationProperties("crm.notifications.sms")
record SmsSettings(String apiUrl, @Nullable String apiKey, @Nullable String sender, Duration timeout) {

    boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }
}
