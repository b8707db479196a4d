package org.callcentre.crm.auth;

/**
 * Who makes a request, from its access token, and from which address: what the audit log records
 * and what city scoping and role checks inside services use.
 */
public record Actor(Long id, String login, Role role, Long cityId, String ip) {

    public static Actor system(String what) {
        return new Actor(null, what, Role.admin, null, null);
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** The city an operator is limited to; null for roles that see every city. */
    public Long cityScope() {
        return role.seesAllCities() ? null : (cityId == null ? -1L : cityId);
    }
}
