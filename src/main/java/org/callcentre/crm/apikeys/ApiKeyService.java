package org.callcentre.crm.apikeys;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.SecretTokens;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keys for machine clients such as the website. Only a SHA-256 hash is stored, so a key is shown
 * once, at creation; the prefix lets admins tell keys apart afterwards.
 */
@Singleton
public class ApiKeyService {
    /** Marks the secret as ours when it turns up in a log or a repository. */
    private static final String KEY_PREFIX = "crm_";
    private static final int SHOWN_PREFIX_LENGTH = KEY_PREFIX.length() + 8;

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who sent a request with a key: the actor for the audit log and the integration whose ids it uses. */
    public record Caller(Actor actor, long integrationId) {
    }

    /**
     * @param replaces a key (revoked or not) whose integration the new key joins, so that the
     *                 website's retried leads still find their orders after a key rotation; null for a new integration
     */
    @Transactional
    public IssuedApiKey create(String name, Object scopes, Object replaces, Actor actor) {
        Fields f = new Fields();
        String validName = f.required("name", name, 100);
        List<String> validScopes = scopes(f, scopes);
        Integer replacedId = JsonValues.integer(f, "replaces", replaces);
        Long integrationId = replacedId == null ? null
                : f.attempt("replaces", () -> keys.findById(replacedId.longValue()).map(ApiKey::integrationId)
                        .orElseThrow(() -> ApiException.badField("replaces", "no API key " + replacedId)));
        f.throwIfAny();
        String key = KEY_PREFIX + SecretTokens.random();
        String prefix = key.substring(0, SHOWN_PREFIX_LENGTH);
        long id = keys.insert(validName, prefix, SecretTokens.sha256(key), validScopes, integrationId, actor.id());
        ApiKey stored = find(id);
        audit.record(actor, "create", "api_key", id, new Changes().set("name", validName).set("prefix", prefix)
                .set("scopes", validScopes).set("integrationId", stored.integrationId()).set("apiKey", key).asMap());
        return new IssuedApiKey(id, stored.name(), key, stored.prefix(), stored.scopes(), stored.integrationId(),
                stored.createdAt());
    }

    /** Absent: the one scope the website needs. Present: a non-empty list of known scopes. */
    private static List<String> scopes(Fields f, Object raw) {
        if (raw == null) {
            return List.of(ApiScope.LEADS_WRITE.value());
        }
        List<String> scopes = JsonValues.strings(f, "scopes", raw);
        if (scopes == null) {
            return List.of();
        }
        f.check(!scopes.isEmpty(), "scopes", "must name at least one of " + ApiScope.VALUES);
        f.check(ApiScope.VALUES.containsAll(scopes), "scopes", "may contain only " + ApiScope.VALUES);
        return scopes.stream().distinct().toList();
    }

    @Transactional
    public Page<ApiKey> list(PageRequest page) {
        return keys.list(page);
    }

    /** Revoking twice is harmless: the first revocation time stays. */
    @Transactional
    public ApiKey revoke(long id, Actor actor) {
        ApiKey key = find(id);
        if (keys.revoke(id, clock.instant())) {
            audit.record(actor, "revoke", "api_key", id, Map.of("name", key.name(), "prefix", key.prefix()));
        }
        return find(id);
    }

    /**
     * The actor a request with this key acts as, for the audit log; a missing, unknown, revoked or
     * out-of-scope key is a 401.
     */
    @Transactional
    public Caller authenticate(String key, String scope, String ip) {
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized("X-API-Key header is required");
        }
        ApiKey found = keys.findUsable(SecretTokens.sha256(key.trim()), scope)
                .orElseThrow(() -> ApiException.unauthorized("Invalid or revoked API key"));
        keys.markUsed(found.id(), clock.instant());
        return new Caller(new Actor(null, "api-key:" + found.name(), Role.operator, null, ip), found.integrationId());
    }

    private ApiKey find(long id) {
        return keys.findById(id).orElseThrow(() -> ApiException.notFound("API key " + id));
    }
}
