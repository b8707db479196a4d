package org.callcentre.crm.shared;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * The last line of defence: services check uniqueness and references first, but two requests can
 * race past those checks, and then the database constraint decides. A lost race is the client's
 * conflict (409), not a server error. A statement cut off by {@code crm.db.statement-timeout} is a 503.
 */
@Produces
@Singleton
public class DatabaseConstraintHandler implements ExceptionHandler<DataAccessException, HttpResponse<ErrorBody>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConstraintHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, DataAccessException exception) {
        Optional<String> state = sqlState(exception);
        HttpStatus status = state.map(DatabaseConstraintHandler::statusFor).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), exception);
            return HttpResponse.<ErrorBody>status(status)
                    .body(ErrorBody.of("internal_error", "Internal server error", Map.of()));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            // crm.db.statement-timeout: one request must not hold a pooled connection for ever
            LOG.warn("Statement timeout on {} {}", request.getMethod(), request.getPath());
            return HttpResponse.<ErrorBody>status(status).header("Retry-After", "10").body(ErrorBody.of("timeout",
                    "The database took too long for this request; narrow the filters or try again later", Map.of()));
        }
        String message = status == HttpStatus.CONFLICT
                ? "The change conflicts with existing data (duplicate or still referenced)"
                : "A value is out of range or not allowed";
        return HttpResponse.<ErrorBody>status(status).body(ErrorBody.of(ApiErrorResponseProcessor.codeOf(status), message, Map.of()));
    }

    static HttpStatus statusFor(String sqlState) {
        return switch (sqlState) {
            case "23505", "23503", "23P01", "40001", "40P01" -> HttpStatus.CONFLICT;
            case "23514", "23502" -> HttpStatus.BAD_REQUEST;
            case "57014" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> sqlState.startsWith("22") ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static Optional<String> sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
