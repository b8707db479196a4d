package org.callcentre.crm.notifications.telegram;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * getUpdates long polling, the default way the bot hears masters: it needs no public HTTPS address.
 * One thread asks for the updates after the last handled one and waits up to poll-timeout for them;
 * the offset comes from the handled updates' table, so updates confirmed to Telegram are exactly
 * those recorded as handled.
 */
@Singleton
class TelegramPoller {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
    private static final Duration RETRY_BASE = Duration.ofSeconds(1);
    private static final int RETRY_STEPS = 7;

    private final TelegramApi api;
    private final TelegramUpdates updates;
    private final TelegramUpdateLog log;
    private final TelegramSettings settings;
    private final TransactionOperations<Connection> tx;
    private volatile Thread thread;

    TelegramPoller(TelegramApi api, TelegramUpdates updates, TelegramUpdateLog log, TelegramSettings settings,
                   TransactionOperations<Connection> tx) {
        this.api = api;
        this.updates = updates;
        this.log = log;
        this.settings = settings;
        this.tx = tx;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.configured() && settings.updates() == TelegramSettings.Updates.polling) {
            thread = new Thread(this::poll, "telegram-updates");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @PreDestroy
    void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    private void poll() {
        int failures = 0;
        while (thread == Thread.currentThread()) {
            try {
                long offset = tx.executeRead(status -> log.nextOffset());
                List<TelegramUpdate> batch = api.getUpdates(offset, settings.pollTimeout());
                batch.stream().sorted(Comparator.comparingLong(TelegramUpdate::updateId)).forEach(updates::handle);
                failures = 0;
            } catch (TelegramException | RuntimeException e) {
                failures++;
                Duration wait = Backoff.after(Math.min(failures, RETRY_STEPS), RETRY_BASE, RETRY_STEPS + 1);
                LOG.warn("Telegram getUpdates failed ({} in a row), next try in {}: {}", failures, wait, e.getMessage());
                if (!sleep(wait)) {
                    return;
                }
            }
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
