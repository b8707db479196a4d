package org.callcentre.crm.leads.avito;

import java.io.IOException;

/** Avito refused a request or could not be reached; {@code status} is 0 when no answer came. */
class AvitoApiException extends IOException {
    private final int status;

    AvitoApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
