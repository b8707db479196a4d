package org.callcentre.crm.auth;

import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
public class AuthService {
    private static final String BAD_CREDENTIALS = "Invalid login or password";

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final TokenGenerator tokenGenerator;
    private final AccessTokenConfiguration accessTokens;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final OpenSessions openSessions;
    private final TokenVersions tokenVersions;

    public AuthService(Accounts accounts, PasswordHasher hasher, RefreshTokens refreshTokens,
                       TokenGenerator tokenGenerator, AccessTokenConfiguration accessTokens, AuditTrail audit,
                       LoginThrottle throttle, Sessions sessions, TokenVersions tokenVersions, OpenSessions openSessions) {
        this.openSessions = openSessions;
        this.accounts = accounts;
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
        Optional<Accounts.Account> found = accounts.byLogin(name);
        Actor attempt = new Actor(found.map(Accounts.Account::id).orElse(null), name, Role.operator, null, ip);
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
        Accounts.Account account = found.get();
        if (!account.active()) {
            audit.record(attempt, "login_failed", "auth", account.id(), Map.of("reason", "account_" + account.status()));
            throw ApiException.unauthorized("Account is " + account.status().replace('_', ' '));
        }
        audit.record(actorOf(account, ip), "login", "auth", account.id());
        return issue(account, refreshTokens.newSession(), client);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public Tokens refresh(String refreshToken, ClientInfo client) {
        String ip = client.address();
        Fields f = new Fields();
        f.required("refreshToken", refreshToken, 200);
        f.throwIfAny();
        RefreshTokens.Stored stored = refreshTokens.find(refreshToken)
                .orElseThrow(() -> ApiException.unauthorized("Unknown refresh token"));
        if (stored.revoked() && refreshTokens.spentJustNowBySibling(stored.id())) {
            // Two tabs share one refresh token and refreshed at once: the later one gets a token of its own, in the same session.
            Accounts.Account account = accounts.byId(stored.operatorId()).filter(Accounts.Account::active)
                    .orElseThrow(() -> ApiException.unauthorized("Account is not active"));
            return issue(account, stored.session(), client);
        }
        if (stored.revoked()) {
            // A spent token presented again, later or after its session ended, means it was copied: end every session of that user.
            sessions.endAll(stored.operatorId());
            audit.record(new Actor(stored.operatorId(), null, Role.operator, null, ip), "refresh_reused", "auth", stored.operatorId());
            throw ApiException.unauthorized("Refresh token was already used; log in again");
        }
        if (!stored.usable() || !refreshTokens.revoke(stored.id())) {
            throw ApiException.unauthorized("Refresh token expired or its session was ended; log in again");
        }
        Accounts.Account account = accounts.byId(stored.operatorId()).filter(Accounts.Account::active)
                .orElseThrow(() -> ApiException.unauthorized("Account is not active"));
        Tokens tokens = issue(account, stored.session(), client);
        refreshTokens.replaced(stored.id(), tokens.refreshToken());
        return tokens;
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

    private Tokens issue(Accounts.Account account, RefreshTokens.Session session, ClientInfo client) {
        Integer expiration = accessTokens.getExpiration();
        String access = tokenGenerator.generateToken(
                        TokenClaims.authentication(account.id(), account.login(), account.role(), account.cityId(),
                                tokenVersions.forNewToken(account.id()), session.id()), expiration)
                .orElseThrow(() -> new IllegalStateException("No access token generated"));
        return new Tokens(access, refreshTokens.issue(account.id(), session, client), "Bearer", expiration,
                new Tokens.User(account.id(), account.login(), account.role(), account.name(), account.city()));
    }

    private static Actor actorOf(Accounts.Account account, String ip) {
        return new Actor(account.id(), account.login(), account.role(), account.cityId(), ip);
    }
}
