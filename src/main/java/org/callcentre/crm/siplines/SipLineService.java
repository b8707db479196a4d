package org.callcentre.crm.siplines;

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

import java.util.Map;

@Singleton
public class SipLineService {
    private static final int MAX_SECRET = 256;

    private final SipLineRepository lines;
    private final CityDirectory cities;
    private final SecretCipher cipher;
    private final AuditLog audit;

    public SipLineService(SipLineRepository lines, CityDirectory cities, SecretCipher cipher, AuditLog audit) {
        this.lines = lines;
        this.cities = cities;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public Page<SipLineView> list(PageRequest page) {
        return lines.list(page).map(SipLine::view);
    }

    @Transactional
    public SipLineView get(long id) {
        return find(id).view();
    }

    @Transactional
    public SipLineView create(SipLineRequest request, Actor actor) {
        Fields f = new Fields();
        String name = f.required("name", request.name(), 100);
        String host = host(f, request.host());
        Integer port = port(f, request.port());
        String transport = request.transport() == null ? SipLine.DEFAULT_TRANSPORT
                : f.oneOf("transport", request.transport(), SipLine.TRANSPORTS, true);
        String username = f.optional("username", request.username(), 128);
        String secret = request.secret() == null ? null : sealedSecret(f, request.secret());
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        Boolean enabled = JsonValues.bool(f, "enabled", request.enabled());
        f.throwIfAny();
        if (lines.nameTaken(name, null)) {
            throw ApiException.conflict("SIP line '" + name + "' already exists");
        }
        SipLine line = new SipLine(0, name, host, port == null ? SipLine.DEFAULT_PORT : port, transport, username, secret,
                cityId, null, enabled == null || enabled, null, null);
        long id = lines.insert(line);
        audit.record(actor, "create", "sip_line", id, new Changes().set("name", name).set("host", host).set("port", line.port())
                .set("transport", transport).set("username", username).set("secret", request.secret())
                .set("city", request.city()).set("enabled", line.enabled()).asMap());
        return find(id).view();
    }

    @Transactional
    public SipLineView update(long id, SipLineRequest request, Actor actor) {
        SipLine current = find(id);
        Fields f = new Fields();
        String name = request.name() == null ? current.name() : f.required("name", request.name(), 100);
        String host = request.host() == null ? current.host() : host(f, request.host());
        Integer port = port(f, request.port());
        String transport = request.transport() == null ? current.transport()
                : f.oneOf("transport", request.transport(), SipLine.TRANSPORTS, true);
        String username = request.username() == null ? current.username() : f.optional("username", request.username(), 128);
        String secret = request.secret() == null ? current.secretEncrypted() : sealedSecret(f, request.secret());
        Long cityId = request.city() == null ? current.cityId() : f.attempt("city", () -> cities.optionalId("city", request.city()));
        Boolean enabled = JsonValues.bool(f, "enabled", request.enabled());
        f.throwIfAny();
        if (!name.equals(current.name()) && lines.nameTaken(name, id)) {
            throw ApiException.conflict("SIP line '" + name + "' already exists");
        }
        lines.update(new SipLine(id, name, host, port == null ? current.port() : port, transport, username, secret, cityId,
                null, enabled == null ? current.enabled() : enabled, current.createdAt(), current.updatedAt()));
        SipLine updated = find(id);
        Changes changes = new Changes()
                .field("name", current.name(), updated.name())
                .field("host", current.host(), updated.host())
                .field("port", current.port(), updated.port())
                .field("transport", current.transport(), updated.transport())
                .field("username", current.username(), updated.username())
                .field("city", current.city(), updated.city())
                .field("enabled", current.enabled(), updated.enabled());
        if (request.secret() != null) {
            changes.set("secret", "changed");
        }
        audit.record(actor, "update", "sip_line", id, changes.asMap());
        return updated.view();
    }

    @Transactional
    public void delete(long id, Actor actor) {
        SipLine current = find(id);
        lines.delete(id);
        audit.record(actor, "delete", "sip_line", id, Map.of("name", current.name()));
    }

    private SipLine find(long id) {
        return lines.findById(id).orElseThrow(() -> ApiException.notFound("SIP line " + id));
    }

    /** The stored form of a secret as given: not trimmed, since spaces may be part of a password; empty clears it. */
    private String sealedSecret(Fields f, String secret) {
        f.check(secret.length() <= MAX_SECRET, "secret", "must be at most " + MAX_SECRET + " characters");
        f.check(secret.indexOf(0) < 0, "secret", "must not contain NUL characters");
        return secret.isEmpty() || f.has("secret") ? null : cipher.encrypt(secret);
    }

    private static String host(Fields f, String raw) {
        String host = f.required("host", raw, SipHost.MAX_LENGTH);
        f.check(host == null || SipHost.isValid(host), "host", "must be a host name or an IP address, without spaces or port");
        return host;
    }

    private static Integer port(Fields f, Object raw) {
        Integer port = JsonValues.integer(f, "port", raw);
        f.check(port == null || port >= 1 && port <= 65535, "port", "must be between 1 and 65535");
        return port;
    }
}
