package org.callcentre.crm.notifications.masters;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code crm.notifications.masters.*}: how long a Telegram link code stays valid. */
@ConfigurationProperties("crm.notifications.masters")
record MasterSettings(Duration linkCodeLifetime) {
}
