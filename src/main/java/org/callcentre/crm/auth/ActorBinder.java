package org.callcentre.crm.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;

import java.util.Optional;

/** Lets a controller method take an {@link Actor} parameter. */
@Singleton
public class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            throw ApiException.unauthorized("Authentication required");
        }
        Actor actor = TokenClaims.actor(authentication.get(), clientAddress(request));
        return () -> Optional.of(actor);
    }

    public static String clientAddress(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
