package org.callcentre.crm.notifications.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code crm.notifications.telegram.*}: the masters' bot. {@code updates}: polling (getUpdates long
 * polling: works without a public HTTPS address), webhook (Telegram posts to /integrations/telegram/webhook
 * with {@code webhookSecret} in X-Telegram-Bot-Api-Secret-Token) or off. An empty token leaves
 * Telegram off.
 */
@ConfigurationProperties("crm.notifications.telegram")
public record TelegramSettings(@Nullable String botToken, String apiUrl, Updates updates, @Nullable String webhookSecret,
                               Duration pollTimeout) {

    public enum Updates {
        polling, webhook, off
    }

    boolean configured() {
        return botToken != null && !botToken.isBlank();
    }

    String base() {
        return (apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl) + "/bot" + botToken;
    }
}
