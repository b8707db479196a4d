package org.callcentre.crm.notifications.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.shared.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The bot's webhook, for installs with a public HTTPS address (crm.notifications.telegram.updates =
 * webhook; register it with setWebhook and the same secret_token). Telegram sends the secret in
 * X-Telegram-Bot-Api-Secret-Token; without the right one nothing is read. In any other mode the
 * route is a 404.
 */
@Tag(name = "integrations")
@Controller("/integrations/telegram/webhook")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TelegramWebhookController {
    private final TelegramSettings settings;
    private final TelegramUpdates updates;

    TelegramWebhookController(TelegramSettings settings, TelegramUpdates updates) {
        this.settings = settings;
        this.updates = updates;
    }

    @Post
    public Map<String, Object> receive(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String secret,
                                       @Body TelegramUpdate update) {
        if (!settings.configured() || settings.updates() != TelegramSettings.Updates.webhook
                || settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
            throw ApiException.notFound("Webhook");
        }
        if (secret == null || !MessageDigest.isEqual(settings.webhookSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized("X-Telegram-Bot-Api-Secret-Token is missing or wrong");
        }
        updates.handle(update);
        return Map.of("ok", true);
    }
}
