package org.callcentre.crm.auth;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lockout after repeated failed logins, counted from the audit log (so every node of a cluster
 * sees the same count, and the evidence is the record itself): a login is locked while it has
 * {@code max-failures-per-login} failures inside the window since its last success, an address while
 * it has {@code max-failures-per-address} failures inside the window. The lock lifts by itself when
 * enough failures leave the window; attempts refused while locked are recorded as
 * {@code login_locked} (once per login, address and window) and do not extend it. An address with no failure in the
 * window is not held by the login's lock, so that the owner with the right password still gets in.
 */
@Singleton
class LoginThrottle {
    private final Db db;
    private final Clock clock;
    private final int maxPerLogin;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(Db db, Clock clock,
                  @Value("${crm.auth.lockout.max-failures-per-login:5}") int maxPerLogin,
                  @Value("${crm.auth.lockout.max-failures-per-address:30}") int maxPerAddress,
                  @Value("${crm.auth.lockout.window:15m}") Duration window) {
        this.db = db;
        this.clock = clock;
        this.maxPerLogin = maxPerLogin;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /**
     * Makes concurrent attempts on one login take turns until the transaction ends, so a burst of
     * parallel guesses cannot all pass the count before any failure is written.
     */
    void takeTurn(String login) {
        db.queryOne("SELECT pg_advisory_xact_lock(hashtext('login:' || ?))", rs -> 1, login);
    }

    /** How long until this login may be tried from this address; empty when it may be tried now. */
    Optional<Duration> lockedFor(String login, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        // audit_log_login_attempts_idx
        List<Instant> byLogin = db.query("SELECT at FROM audit_log WHERE action = 'login_failed' AND actor_login = ? AND at > ?"
                        + " AND at > coalesce((SELECT max(at) FROM audit_log WHERE action = 'login' AND actor_login = ? AND at > ?), '-infinity')"
                        + " ORDER BY at DESC LIMIT ?",
                rs -> Db.getInstant(rs, "at"), login, since, login, since, maxPerLogin);
        // audit_log_failed_address_idx
        List<Instant> byAddress = address == null ? List.of()
                : db.query("SELECT at FROM audit_log WHERE action = 'login_failed' AND ip = ? AND at > ? ORDER BY at DESC LIMIT ?",
                        rs -> Db.getInstant(rs, "at"), address, since, maxPerAddress);
        Duration wait = Duration.ZERO;
        // An address with no failure in the window is clean: the login's lock does not stop it, so that guesses from
        // elsewhere cannot keep the owner (the admin) out for ever; its first failure makes it subject to the lock.
        boolean clean = byAddress.isEmpty();
        if (byLogin.size() >= maxPerLogin && !clean) {
            wait = until(byLogin.get(maxPerLogin - 1), now);
        }
        if (byAddress.size() >= maxPerAddress) {
            Duration forAddress = until(byAddress.get(maxPerAddress - 1), now);
            wait = forAddress.compareTo(wait) > 0 ? forAddress : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Whether this login's refusal from this address is already on record in the window. */
    boolean lockRecorded(String login, String address) {
        // audit_log_actor_at_idx
        return db.queryOne("SELECT EXISTS (SELECT 1 FROM audit_log WHERE actor_login = ? AND at > ? AND action = 'login_locked' "
                + "AND ip IS NOT DISTINCT FROM ?)", rs -> rs.getBoolean(1), login, clock.instant().minus(window), address).orElse(false);
    }

    /** The moment the oldest failure that still makes up the limit leaves the window. */
    private Duration until(Instant oldestCounted, Instant now) {
        Duration left = Duration.between(now, oldestCounted.plus(window));
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }
}
