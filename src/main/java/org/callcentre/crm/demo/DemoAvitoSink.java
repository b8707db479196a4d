package org.callcentre.crm.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * In demo mode, Avito's API as the CRM calls it ({@code crm.avito.api-url} points here unless set, see
 * {@link DemoConfigurer}): a token for the demo account, the ad a demo chat is about, and replies taken and dropped, so
 * nothing the demo does leaves the machine. Only exists while {@code CRM_DEMO=true}.
 */
@Hidden
@Controller(DemoAvitoSink.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "crm.demo.enabled", value = "true")
class DemoAvitoSink {
    static final String PATH = "/demo/avito";
    private static final long FIRST_ITEM = 4_100_000_001L;
    private static final List<String> ADS = List.of("Ремонт стиральных машин на дому", "Ремонт холодильников, выезд в день обращения",
            "Ремонт посудомоечных машин", "Ремонт духовых шкафов и варочных панелей");

    /** The demo ad a chat is about: a fixed one per chat, so the same chat always shows the same ad. */
    static long itemOf(String chatId) {
        return FIRST_ITEM + Math.floorMod(chatId.hashCode(), ADS.size());
    }

    @Post("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Map<String, Object> token(@Nullable @Body Map<String, String> form) {
        return Map.of("access_token", "demo-" + UUID.randomUUID(), "expires_in", 86_400, "token_type", "Bearer");
    }

    @Post("/messenger/v1/accounts/{userId}/chats/{chatId}/messages")
    Map<String, Object> reply(@PathVariable long userId, @PathVariable String chatId, @Nullable @Body Map<String, Object> body) {
        return Map.of("id", UUID.randomUUID().toString(), "created", System.currentTimeMillis() / 1000, "direction", "out", "type", "text");
    }

    @Get("/messenger/v2/accounts/{userId}/chats/{chatId}")
    Map<String, Object> chat(@PathVariable long userId, @PathVariable String chatId) {
        long item = itemOf(chatId);
        return Map.of("id", chatId, "context", Map.of("type", "item", "value", Map.of("id", item,
                "title", ADS.get((int) (item - FIRST_ITEM)), "url", "https://www.avito.ru/demo/" + item, "price_string", "от 500 ₽")));
    }

    @Post("/calltracking/v1/getCalls/")
    Map<String, Object> calls(@Nullable @Body Map<String, Object> filter) {
        return Map.of("calls", List.of());
    }
}
