package org.callcentre.crm.shared;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A request the API refuses on purpose. Thrown before anything is written, or inside the
 * transaction so that the write is rolled back.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final Map<String, String> fields;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String message, Map<String, String> fields) {
        this(status, code, message, fields, null);
    }

    private ApiException(HttpStatus status, String code, String message, Map<String, String> fields, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = Map.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String message, Map<String, String> fields) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_error", message, fields);
    }

    public static ApiException badField(String field, String message) {
        return badRequest(field + ": " + message, Map.of(field, message));
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found", Map.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", message, Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message, Map.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message, Map.of());
    }

    /** A 429 whose answer carries {@code Retry-After} in whole seconds. */
    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message, Map.of(), retryAfter);
    }

    /** A 503 with {@code Retry-After}: the request was not taken, and the sender should send it again later. */
    public static ApiException busy(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", message, Map.of(), retryAfter);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
