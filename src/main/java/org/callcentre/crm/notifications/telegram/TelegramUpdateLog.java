package org.callcentre.crm.notifications.telegram;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

/** The Telegram updates already handled, by update_id (telegram_updates). */
@Singleton
class TelegramUpdateLog {
    private final Db db;

    TelegramUpdateLog(Db db) {
        this.db = db;
    }

    /** False when this update was handled before (a webhook delivered twice, a poll repeated after a crash). */
    boolean firstTimeSeen(long updateId) {
        return db.update("INSERT INTO telegram_updates (update_id) VALUES (?) ON CONFLICT DO NOTHING", updateId) > 0;
    }

    /** The getUpdates offset that confirms every handled update: the highest id + 1 (the primary key's last entry). */
    long nextOffset() {
        return db.queryLong("SELECT coalesce(max(update_id), 0) + 1 FROM telegram_updates");
    }
}
