package org.callcentre.crm.notifications.visits;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;

/**
 * {@code crm.notifications.visits.*}: what clients are told by SMS about a master's visit. A
 * confirmation when the visit is set or moved (optional), a reminder {@code reminderBefore} the
 * visit (0: none), and neither inside the quiet hours of the order's city.
 */
@ConfigurationProperties("crm.notifications.visits")
record VisitSettings(boolean confirmation, Duration reminderBefore, LocalTime quietFrom, LocalTime quietTo) {

    QuietHours quietHours() {
        return new QuietHours(quietFrom, quietTo);
    }

    boolean reminders() {
        return !reminderBefore.isZero() && !reminderBefore.isNegative();
    }
}
