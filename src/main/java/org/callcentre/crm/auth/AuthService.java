package org.callcentre.crm.auth;

import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.operators.Operator;
import org.callcentre.crm.operators.OperatorRepository;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
public class AuthService {
    private static final String BAD_CREDENTIALS = "Invalid login or password";

    private final OperatorRepository operators;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final TokenGenerator tokenGenerator;
    private final AccessTokenConfiguration accessTokens;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final OpenSessions openSessions;
    private final TokenVersions tokenVersions;

    public AuthService(OperatorRepository operators, PasswordHasher hasher, RefreshTokens refreshTokens,
                       TokenGenerator tokenGenerator, AccessTokenConfiguration accessTokens, AuditLog audit,
                       LoginThrottle throttle, Sessions sessions, TokenVersions tokenVersions, OpenSessions openSessions) {
        this.openSessions = openSessions;
        this.operators = operators;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.tokenGenerator = tokenGenerator;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.throttle = throttle;
        this.sessions = sessions;
        this.tokenVersions = tokenVersions;
    }

    /**
     * A refused login still commits its audit row: the refusal is an answer, not an error. While the
     * login or the address is locked out the password is not even checked. An unknown login costs the same
     * bcrypt work as a wrong password, so the answer's speed does not tell which logins exist.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public Tokens login(String login, String password, ClientInfo client) {
        String ip = client.address();
        Fields f = new Fields();
        f.required("login", login, 200);
        f.required("password", password, 200);
        f.throwIfAny();
        String name = login.trim();
        throttle.takeTurn(name);
        Optional<Operator> found = operators.findByLogin(name);
        Actor attempt = new Actor(found.map(Operator::id).orElse(null), name, Role.operator, null, ip);
        Optional<Duration> locked = throttle.lockedFor(name, ip);
        if (locked.isPresent()) {
            // one row per lock and address is the evidence; a row per refused attempt would let a locked-out guesser fill the log
            if (!throttle.lockRecorded(name, ip)) {
                audit.record(attempt, "login_locked", "auth", attempt.id(), Map.of("retryAfterSeconds", locked.get().toSeconds()));
            }
            throw ApiException.tooManyRequests("Too many failed logins; try again later", locked.get());
        }
        boolean matches = found.isPresent() ? hasher.matches(password, found.get().passwordHash()) : hasher.matchesNothing(password);
        if (!matches) {
            audit.record(attempt, "login_failed", "auth", null, Map.of("reason", "bad_credentials"));
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        Operator operator = found.get();
        if (!operator.active()) {
            audit.record(attempt, "login_failed", "auth", operator.id(), Map.of("reason", "account_" + operator.status()));
            throw ApiException.unauthorized("Account is " + operator.status().replace('_', ' '));
        }
        audit.record(actorOf(operator, ip), "login", "auth", operator.id());
        return issue(operator, refreshTokens.newSession(), client);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public Tokens refresh(String refreshToken, ClientInfo client) {
        String ip = client.address();
        Fields f = new Fields();
        f.required("refreshToken", refreshToken, 200);
        f.throwIfAny();
        RefreshTokens.Stored stored = refreshTokens.find(refreshToken)
                .orElseThrow(() -> ApiException.unauthorized("Unknown refresh token"));
        if (stored.revoked()) {
            // A spent token presented again means it was copied: end every session of that user.
            sessions.endAll(stored.operatorId());
            audit.record(new Actor(stored.operatorId(), null, Role.operator, null, ip), "refresh_reused", "auth", stored.operatorId());
            throw ApiException.unauthorized("Refresh token was already used; log in again");
        }
        if (!stored.usable() || !refreshTokens.revoke(stored.id())) {
            throw ApiException.unauthorized("Refresh token expired or its session was ended; log in again");
        }
        Operator operator = operators.findById(stored.operatorId()).filter(Operator::active)
                .orElseThrow(() -> ApiException.unauthorized("Account is not active"));
        return issue(operator, stored.session(), client);
    }

    @Transactional
    public void logout(Actor actor, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            refreshTokens.revokeAll(actor.id());
        } else {
            refreshTokens.find(refreshToken).filter(t -> t.operatorId() == actor.id()).ifPresent(t -> refreshTokens.revoke(t.id()));
        }
        audit.record(actor, "logout", "auth", actor.id());
    }

    /** Ends every session of the caller, on every device: refresh tokens and access tokens alike. */
    @Transactional
    public void logoutEverywhere(Actor actor) {
        sessions.endAll(actor.id());
        audit.record(actor, "logout_all", "auth", actor.id());
    }

    /** The caller's open sessions, the one asking marked. */
    @Transactional(readOnly = true)
    public List<OwnSession> sessions(Actor actor, Long currentSession) {
        return refreshTokens.open(actor.id()).stream().map(s -> s.asCurrent(currentSession)).toList();
    }

    /** Ends one of the caller's sessions: its refresh token revoked, its access tokens refused (404 if not theirs or over). */
    @Transactional
    public void endSession(Actor actor, long sessionId) {
        if (!refreshTokens.revokeSession(actor.id(), sessionId)) {
            throw ApiException.notFound("Open session " + sessionId);
        }
        openSessions.ended(sessionId);
        audit.record(actor, "logout_session", "auth", actor.id(), Map.of("sessionId", sessionId));
    }

    private Tokens issue(Operator operator, RefreshTokens.Session session, ClientInfo client) {
        Integer expiration = accessTokens.getExpiration();
        String access = tokenGenerator.generateToken(
                        TokenClaims.authentication(operator.id(), operator.login(), operator.role(), operator.cityId(),
                                tokenVersions.forNewToken(operator.id()), session.id()), expiration)
                .orElseThrow(() -> new IllegalStateException("No access token generated"));
        return new Tokens(access, refreshTokens.issue(operator.id(), session, client), "Bearer", expiration,
                new Tokens.User(operator.id(), operator.login(), operator.role(), operator.name(), operator.city()));
    }

    private static Actor actorOf(Operator operator, String ip) {
        return new Actor(operator.id(), operator.login(), operator.role(), operator.cityId(), ip);
    }
}
