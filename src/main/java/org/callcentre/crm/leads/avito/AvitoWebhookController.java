package org.callcentre.crm.leads.avito;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.conversations.ClientMessageReceived;
import org.callcentre.crm.conversations.ConversationInbox;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.DatabaseFaults;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Avito's messenger webhook. Avito does not sign its calls, so each account has its own
 * unguessable path secret; any other path is a 404 and nothing is read or written. Avito expects
 * a quick 200: the chat's ad is looked up and the auto-responder runs after the answer. While
 * PostgreSQL cannot take the message it is answered 503 with {@code Retry-After}, never half-stored.
 */
@Tag(name = "integrations")
@Controller("/integrations/avito/webhook")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AvitoWebhookController {
    /** Avito sends a webhook again after a failure; this is how long to wait before it does. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final AvitoAccountService accounts;
    private final ConversationInbox inbox;
    private final AvitoAdLookup adLookup;

    public AvitoWebhookController(AvitoAccountService accounts, ConversationInbox inbox, AvitoAdLookup adLookup) {
        this.accounts = accounts;
        this.inbox = inbox;
        this.adLookup = adLookup;
    }

    @Post("/{secret}")
    public Map<String, Object> receive(@PathVariable String secret, @Body Map<String, Object> body) {
        try {
            return take(secret, body);
        } catch (RuntimeException e) {
            throw DatabaseFaults.busyWhenUnreachable(e, RETRY_AFTER);
        }
    }

    private Map<String, Object> take(String secret, Map<String, Object> body) {
        AvitoAccount account = accounts.byWebhookSecret(secret)
                .filter(AvitoAccount::enabled)
                .orElseThrow(() -> ApiException.notFound("Webhook"));
        Optional<AvitoWebhookMessage> message = AvitoWebhookMessage.parse(body);
        if (message.isEmpty() || message.get().ownMessage()) {
            return Map.of("ok", true);
        }
        if (message.get().userId() != account.avitoUserId()) {
            throw ApiException.badField("payload.value.user_id", "is not this account's Avito user");
        }
        Optional<ClientMessageReceived> stored = inbox.receive(message.get().incoming(account));
        stored.filter(ClientMessageReceived::newConversation)
                .ifPresent(received -> adLookup.describeLater(account, message.get().chatId(), received.conversationId()));
        return Map.of("ok", true);
    }
}
