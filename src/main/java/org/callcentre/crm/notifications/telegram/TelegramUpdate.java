package org.callcentre.crm.notifications.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The parts of a Bot API Update the bot reads: a text message or a pressed inline button. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
record TelegramUpdate(@JsonProperty("update_id") long updateId, @Nullable Message message,
                      @JsonProperty("callback_query") @Nullable CallbackQuery callbackQuery) {

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@JsonProperty("message_id") long messageId, Chat chat, @Nullable String text) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chat(long id) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackQuery(String id, @Nullable Message message, @Nullable String data) {
    }
}
