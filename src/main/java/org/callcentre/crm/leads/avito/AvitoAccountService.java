package org.callcentre.crm.leads.avito;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.SecretCipher;
import org.callcentre.crm.shared.SecretTokens;

import java.util.Map;
import java.util.Optional;

@Singleton
public class AvitoAccountService {
    static final String WEBHOOK_PATH = "/integrations/avito/webhook/";
    private static final int MAX_SECRET = 256;

    private final AvitoAccountRepository accounts;
    private final CityDirectory cities;
    private final SecretCipher cipher;
    private final AuditLog audit;

    public AvitoAccountService(AvitoAccountRepository accounts, CityDirectory cities, SecretCipher cipher, AuditLog audit) {
        this.accounts = accounts;
        this.cities = cities;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public Page<AvitoAccountView> list(PageRequest page) {
        return accounts.list(page).map(a -> a.view(null));
    }

    @Transactional
    public AvitoAccountView get(long id) {
        return find(id).view(null);
    }

    @Transactional
    public AvitoAccount find(long id) {
        return accounts.find(id).orElseThrow(() -> ApiException.notFound("Avito account " + id));
    }

    /** The account whose webhook address holds {@code secret}; empty for any other text. */
    @Transactional
    public Optional<AvitoAccount> byWebhookSecret(String secret) {
        return secret == null || secret.isBlank() ? Optional.empty() : accounts.byWebhookSecretHash(SecretTokens.sha256(secret));
    }

    @Transactional
    public AvitoAccountView create(AvitoAccountRequest request, Actor actor) {
        Fields f = new Fields();
        String name = f.required("name", request.name(), 100);
        Long cityId = f.attempt("city", () -> cities.requireId("city", request.city()));
        String rk = f.optional("rk", request.rk(), 100);
        Long userId = userId(f, request.avitoUserId());
        f.check(userId != null || f.has("avitoUserId"), "avitoUserId", "is required");
        String clientId = f.required("clientId", request.clientId(), 200);
        String secret = sealedSecret(f, request.clientSecret());
        f.check(secret != null || f.has("clientSecret"), "clientSecret", "is required");
        Boolean enabled = JsonValues.bool(f, "enabled", request.enabled());
        f.throwIfAny();
        if (accounts.taken(name, userId, null)) {
            throw ApiException.conflict("An Avito account with this name or avitoUserId already exists");
        }
        String webhookSecret = SecretTokens.random();
        long id = accounts.insert(name, cityId, rk, userId, clientId, secret, SecretTokens.sha256(webhookSecret),
                enabled == null || enabled);
        audit.record(actor, "create", "avito_account", id, new Changes().set("name", name).set("city", request.city())
                .set("rk", rk).set("avitoUserId", userId).set("clientId", clientId).set("clientSecret", request.clientSecret())
                .set("enabled", enabled == null || enabled).asMap());
        return find(id).view(WEBHOOK_PATH + webhookSecret);
    }

    @Transactional
    public AvitoAccountView update(long id, AvitoAccountRequest request, Actor actor) {
        AvitoAccount current = find(id);
        Fields f = new Fields();
        String name = request.name() == null ? current.name() : f.required("name", request.name(), 100);
        Long cityId = request.city() == null ? (Long) current.cityId() : f.attempt("city", () -> cities.requireId("city", request.city()));
        String rk = request.rk() == null ? current.rk() : f.optional("rk", request.rk(), 100);
        Long userId = request.avitoUserId() == null ? (Long) current.avitoUserId() : userId(f, request.avitoUserId());
        String clientId = request.clientId() == null ? current.clientId() : f.required("clientId", request.clientId(), 200);
        String secret = request.clientSecret() == null ? current.clientSecretEncrypted() : sealedSecret(f, request.clientSecret());
        f.check(request.clientSecret() == null || secret != null || f.has("clientSecret"), "clientSecret", "must not be empty");
        Boolean enabled = JsonValues.bool(f, "enabled", request.enabled());
        f.throwIfAny();
        if (accounts.taken(name, userId, id)) {
            throw ApiException.conflict("An Avito account with this name or avitoUserId already exists");
        }
        accounts.update(new AvitoAccount(id, name, cityId, null, rk, userId, clientId, secret,
                enabled == null ? current.enabled() : enabled, current.createdAt(), current.updatedAt()));
        AvitoAccount updated = find(id);
        Changes changes = new Changes().field("name", current.name(), updated.name()).field("city", current.city(), updated.city())
                .field("rk", current.rk(), updated.rk()).field("avitoUserId", current.avitoUserId(), updated.avitoUserId())
                .field("clientId", current.clientId(), updated.clientId()).field("enabled", current.enabled(), updated.enabled());
        if (request.clientSecret() != null) {
            changes.set("clientSecret", "changed");
        }
        audit.record(actor, "update", "avito_account", id, changes.asMap());
        return updated.view(null);
    }

    /** A new webhook address; the old one stops working at once. */
    @Transactional
    public AvitoAccountView renewWebhookSecret(long id, Actor actor) {
        find(id);
        String webhookSecret = SecretTokens.random();
        accounts.setWebhookSecretHash(id, SecretTokens.sha256(webhookSecret));
        audit.record(actor, "update", "avito_account", id, Map.of("webhookSecret", "changed"));
        return find(id).view(WEBHOOK_PATH + webhookSecret);
    }

    @Transactional
    public void delete(long id, Actor actor) {
        AvitoAccount current = find(id);
        if (accounts.inUse(id)) {
            throw ApiException.conflict("The account has conversations; disable it instead");
        }
        accounts.delete(id);
        audit.record(actor, "delete", "avito_account", id, Map.of("name", current.name()));
    }

    /** The plain client secret, for the token request only. */
    String clientSecret(AvitoAccount account) {
        return account.clientSecretEncrypted() == null ? null : cipher.decrypt(account.clientSecretEncrypted());
    }

    private String sealedSecret(Fields f, String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        f.check(secret.length() <= MAX_SECRET, "clientSecret", "must be at most " + MAX_SECRET + " characters");
        f.check(secret.indexOf(0) < 0, "clientSecret", "must not contain NUL characters");
        return f.has("clientSecret") ? null : cipher.encrypt(secret);
    }

    private static Long userId(Fields f, Object raw) {
        if (raw == null) {
            return null;
        }
        if ((raw instanceof Integer || raw instanceof Long) && ((Number) raw).longValue() > 0) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String text && text.trim().matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(text.trim());
        }
        f.check(false, "avitoUserId", "must be Avito's numeric user id");
        return null;
    }
}
