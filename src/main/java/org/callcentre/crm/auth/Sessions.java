package org.callcentre.crm.auth;

import jakarta.inject.Singleton;

/** Ends every session of a user: refresh tokens revoked, access tokens already issued refused. */
@Singleton
public class Sessions {
    private final RefreshTokens refreshTokens;
    private final TokenVersions versions;

    public Sessions(RefreshTokens refreshTokens, TokenVersions versions) {
        this.refreshTokens = refreshTokens;
        this.versions = versions;
    }

    /** Call inside the transaction that makes the change (password, block) which ends the sessions. */
    public void endAll(long operatorId) {
        refreshTokens.revokeAll(operatorId);
        versions.bump(operatorId);
    }
}
