package org.callcentre.crm.notifications.telegram;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.callcentre.crm.notifications.masters.MasterBot;
import org.callcentre.crm.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;

/**
 * Handles one Bot API update, however it came (long polling or the webhook): the update is recorded
 * as handled in the transaction that acts on it, so a repeat does nothing. When acting on it fails,
 * the update is still recorded, in a transaction of its own, and the chat is told why, so a bad
 * update cannot come back forever.
 */
@Singleton
class TelegramUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdates.class);

    private final TelegramUpdateLog log;
    private final MasterBot bot;
    private final TelegramApi api;
    private final TransactionOperations<Connection> tx;

    TelegramUpdates(TelegramUpdateLog log, MasterBot bot, TelegramApi api, TransactionOperations<Connection> tx) {
        this.log = log;
        this.bot = bot;
        this.api = api;
        this.tx = tx;
    }

    void handle(TelegramUpdate update) {
        Long chatId = chat(update);
        try {
            tx.executeWrite(status -> {
                if (log.firstTimeSeen(update.updateId()) && chatId != null) {
                    act(update, chatId);
                }
                return null;
            });
        } catch (RuntimeException e) {
            String reason = e instanceof ApiException api ? api.getMessage() : "внутренняя ошибка";
            LOG.warn("Telegram update {} failed: {}", update.updateId(), e.toString());
            tx.executeWrite(status -> {
                if (log.firstTimeSeen(update.updateId()) && chatId != null) {
                    bot.failed(chatId, reason);
                }
                return null;
            });
        }
        if (update.callbackQuery() != null) {
            stopSpinner(update.callbackQuery().id());
        }
    }

    private void act(TelegramUpdate update, long chatId) {
        if (update.callbackQuery() != null) {
            bot.pressed(chatId, update.callbackQuery().data());
        } else if (update.message() != null && update.message().text() != null) {
            bot.received(chatId, update.message().text());
        }
    }

    /** The chat of a message or of the card whose button was pressed; null for updates the bot does not read. */
    private static Long chat(TelegramUpdate update) {
        if (update.callbackQuery() != null && update.callbackQuery().message() != null) {
            return update.callbackQuery().message().chat().id();
        }
        return update.message() == null ? null : update.message().chat().id();
    }

    /** The answer to a pressed button is in the chat; this only stops the button's spinner, so a failure is harmless. */
    private void stopSpinner(String callbackQueryId) {
        try {
            api.answerCallbackQuery(callbackQueryId);
        } catch (TelegramException e) {
            LOG.debug("answerCallbackQuery {} failed: {}", callbackQueryId, e.getMessage());
        }
    }
}
