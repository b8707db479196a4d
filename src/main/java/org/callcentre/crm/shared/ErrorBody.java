package org.callcentre.crm.shared;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** {@code {"success":false,"error":{"code","message","fields"}}} — the one shape of every error. */
@Serdeable
public record ErrorBody(boolean success, Detail error) {

    @Serdeable
    public record Detail(String code, String message, Map<String, String> fields) {
    }

    public static ErrorBody of(String code, String message, Map<String, String> fields) {
        return new ErrorBody(false, new Detail(code, message, fields));
    }
}
