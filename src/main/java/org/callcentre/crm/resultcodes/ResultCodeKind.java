package org.callcentre.crm.resultcodes;

import java.util.Arrays;
import java.util.Optional;

/** The two lists: what a call ended in, and why an order was cancelled; {@code path} names each in the API. */
public enum ResultCodeKind {
    disposition("dispositions"), cancel_reason("cancel-reasons");

    final String path;

    ResultCodeKind(String path) {
        this.path = path;
    }

    static Optional<ResultCodeKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
