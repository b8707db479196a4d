package org.callcentre.crm.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A form body the server cannot decode ({@code %zz}, a field or a field count past Netty's limits)
 * is the sender's fault: a 400 or 413, not the 500 the framework would give. Any other decoding
 * failure stays a 500.
 */
@Produces
@Singleton
class UnreadableFormHandler implements ExceptionHandler<DecoderException, HttpResponse<ErrorBody>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableFormHandler.class);

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, DecoderException exception) {
        if (exception instanceof HttpPostRequestDecoder.ErrorDataDecoderException) {
            return answer(HttpStatus.BAD_REQUEST, "validation_error", "Request body is not valid form encoding");
        }
        if (exception instanceof HttpPostRequestDecoder.TooLongFormFieldException
                || exception instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
            return answer(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", "Form has too many or too long fields");
        }
        LOG.error("Undecodable request {} {}", request.getMethod(), request.getPath(), exception);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal Server Error");
    }

    private static HttpResponse<ErrorBody> answer(HttpStatus status, String code, String message) {
        return HttpResponse.<ErrorBody>status(status).body(ErrorBody.of(code, message, Map.of()));
    }
}
