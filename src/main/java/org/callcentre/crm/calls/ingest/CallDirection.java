package org.callcentre.crm.calls.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Who called whom, as adapters tell it. Stored (rows, event payloads) in lower case: {@code inbound}. */
@Serdeable
public enum CallDirection {
    /** A client called the company. */
    INBOUND,
    /** An operator (or the company's PBX for them) called a client. */
    OUTBOUND,
    /** No outside party: extension to extension, or the PBX's own call. */
    INTERNAL;

    /** The word in {@code calls.direction} and in stored event payloads. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CallDirection of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
