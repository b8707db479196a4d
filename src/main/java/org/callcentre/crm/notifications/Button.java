package org.callcentre.crm.notifications;

import io.micronaut.serde.annotation.Serdeable;

/** An inline button under a Telegram message; {@code data} comes back in the callback query when it is pressed. */
@Serdeable
public record Button(String text, String data) {
}
