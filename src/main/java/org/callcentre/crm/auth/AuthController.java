package org.callcentre.crm.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.shared.ApiResponse;

import java.util.Map;

@Tag(name = "auth")
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {
    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    @Serdeable
    public record LoginRequest(String login, String password) {
    }

    @Serdeable
    public record RefreshRequest(String refreshToken) {
    }

    /** The one answer without the {@code success/data} envelope, as clients of this kind of system expect. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/login")
    public Tokens login(@Body LoginRequest body, HttpRequest<?> request) {
        return auth.login(body.login(), body.password(), ActorBinder.clientAddress(request));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/refresh")
    public ApiResponse<Tokens> refresh(@Body RefreshRequest body, HttpRequest<?> request) {
        return ApiResponse.of(auth.refresh(body.refreshToken(), ActorBinder.clientAddress(request)));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/logout")
    public ApiResponse<Map<String, Boolean>> logout(Actor actor, @Nullable @Body RefreshRequest body) {
        auth.logout(actor, body == null ? null : body.refreshToken());
        return ApiResponse.of(Map.of("loggedOut", true));
    }

    /** Every refresh token of the caller revoked, and every access token issued so far refused. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/logout-all")
    public ApiResponse<Map<String, Boolean>> logoutAll(Actor actor) {
        auth.logoutEverywhere(actor);
        return ApiResponse.of(Map.of("loggedOut", true));
    }
}
