package org.callcentre.crm.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;
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
        return auth.login(body.login(), body.password(), ClientInfo.of(request));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/refresh")
    public ApiResponse<Tokens> refresh(@Body RefreshRequest body, HttpRequest<?> request) {
        return ApiResponse.of(auth.refresh(body.refreshToken(), ClientInfo.of(request)));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/logout")
    public ApiResponse<Map<String, Boolean>> logout(Actor actor, @Nullable @Body RefreshRequest body) {
        auth.logout(actor, body == null ? null : body.refreshToken());
        return ApiResponse.of(Map.of("loggedOut", true));
    }

    /** The caller's open sessions (one per sign-in and device), newest first; {@code current} is the asking one. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/sessions")
    public ApiResponse<List<OwnSession>> sessions(Actor actor, Authentication authentication) {
        return ApiResponse.of(auth.sessions(actor, TokenClaims.sessionId(authentication.getAttributes().get(TokenClaims.SESSION_ID))));
    }

    /** Ends one of the caller's sessions, on whatever device holds it. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Delete("/sessions/{id}")
    public ApiResponse<Map<String, Long>> endSession(long id, Actor actor) {
        auth.endSession(actor, id);
        return ApiResponse.of(Map.of("ended", id));
    }

    /** Every refresh token of the caller revoked, and every access token issued so far refused. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/logout-all")
    public ApiResponse<Map<String, Boolean>> logoutAll(Actor actor) {
        auth.logoutEverywhere(actor);
        return ApiResponse.of(Map.of("loggedOut", true));
    }
}
