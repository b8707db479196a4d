package org.callcentre.crm.auth;

import java.util.Optional;

/**
 * The accounts people sign in with. Signing in needs only this much of them; the operators feature
 * keeps them (and depends on this package, so this package cannot depend on it).
 */
public interface Accounts {
    Optional<Account> byLogin(String login);

    Optional<Account> byId(long id);

    /** @param status {@code active}, {@code inactive} or {@code on_leave}; only an active account may sign in */
    record Account(long id, String login, String passwordHash, String name, Role role, Long cityId, String city,
                   String status, boolean active) {
    }
}
