package org.callcentre.crm.shared;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives the framework's own errors (401/403 from security, unreadable JSON, unknown routes,
 * constraint violations) the same JSON shape as the API's deliberate ones.
 */
@Primary
@Singleton
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder message = new StringBuilder();
        for (Error error : context.getErrors()) {
            error.getPath().map(ApiErrorResponseProcessor::fieldName)
                    .ifPresent(field -> fields.putIfAbsent(field, error.getMessage()));
            if (message.length() > 0) {
                message.append("; ");
            }
            message.append(error.getMessage());
        }
        if (message.length() == 0) {
            message.append(status.getReason());
        }
        return response.body(ErrorBody.of(codeOf(status), message.toString(), fields))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * {@code create.request.phone} or {@code /operatorId} (a query value that did not convert) →
     * the bare name: clients know the field they sent, not the Java method.
     */
    private static String fieldName(String path) {
        int separator = Math.max(path.lastIndexOf('.'), path.lastIndexOf('/'));
        return path.substring(separator + 1);
    }

    static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST, UNPROCESSABLE_ENTITY -> "validation_error";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONFLICT -> "conflict";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case REQUEST_ENTITY_TOO_LARGE -> "too_large";
            case TOO_MANY_REQUESTS -> "rate_limited";
            default -> status.getCode() >= 500 ? "internal_error" : "error";
        };
    }
}
