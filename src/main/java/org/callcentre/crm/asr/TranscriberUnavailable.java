package org.callcentre.crm.asr;

/** The recognizer cannot run here (its model or program is missing); the reason says how to fix it. */
public class TranscriberUnavailable extends Exception {
    public TranscriberUnavailable(String message) {
        super(message);
    }

    public TranscriberUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
