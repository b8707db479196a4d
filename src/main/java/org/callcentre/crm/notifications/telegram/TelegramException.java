package org.callcentre.crm.notifications.telegram;

/** A Bot API call that failed; {@code status} is Telegram's error_code (or 0 when it did not answer). */
class TelegramException extends Exception {
    private final int status;

    TelegramException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** 400 (bad chat, bad request) and 403 (the bot was blocked) do not get better by trying again. */
    boolean permanent() {
        return status == 400 || status == 403;
    }
}
