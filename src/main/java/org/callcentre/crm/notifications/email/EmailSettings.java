package org.callcentre.crm.notifications.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code crm.notifications.email.*}: the SMTP server e-mail notifications go through. An empty host
 * leaves e-mail off: such notifications fail at once with that reason.
 *
 * @param security none, starttls (required) or ssl (SMTPS)
 */
@ConfigurationProperties("crm.notifications.email")
public record EmailSettings(@Nullable String host, int port, @Nullable String username, @Nullable String password,
                            @Nullable String from, String security, Duration timeout) {

    boolean configured() {
        return host != null && !host.isBlank();
    }
}
