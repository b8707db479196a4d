package org.callcentre.crm.resultcodes;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.util.List;

/**
 * The lists of dispositions and cancel reasons: everyone reads them, admins keep them, and calls
 * and orders take an entry only while it is active.
 */
@Singleton
public class ResultCodes {
    private static final int MAX_NAME = 100;

    private final ResultCodeRepository codes;
    private final AuditLog audit;

    ResultCodes(ResultCodeRepository codes, AuditLog audit) {
        this.codes = codes;
        this.audit = audit;
    }

    /** The active entry of the list with this id, or a 400 naming {@code field}. */
    @Transactional
    public ResultCode requireActive(ResultCodeKind kind, String field, long id) {
        return codes.find(kind, id).filter(ResultCode::active)
                .orElseThrow(() -> ApiException.badField(field, "no such active entry of the " + kind.path + " list"));
    }

    @Transactional
    List<ResultCode> list(String path) {
        return codes.list(kind(path));
    }

    @Transactional
    ResultCode create(String path, ResultCodeRequest body, Actor actor) {
        ResultCodeKind kind = kind(path);
        Fields f = new Fields();
        String name = f.required("name", body == null ? null : body.name(), MAX_NAME);
        f.check(name == null || !codes.nameTaken(kind, name, 0), "name", "is already in the list");
        f.throwIfAny();
        int position = body.position() == null ? 0 : body.position();
        long id = codes.insert(kind, name, position);
        audit.record(actor, "create", kind.name(), id, new Changes().set("name", name).set("position", position).asMap());
        return codes.find(kind, id).orElseThrow();
    }

    /** Renamed, reordered, retired or brought back. */
    @Transactional
    ResultCode update(String path, long id, ResultCodeRequest body, Actor actor) {
        ResultCodeKind kind = kind(path);
        ResultCode current = codes.find(kind, id).orElseThrow(() -> ApiException.notFound(kind.path + " entry " + id));
        if (body == null) {
            return current;
        }
        Fields f = new Fields();
        String name = body.name() == null ? current.name() : f.required("name", body.name(), MAX_NAME);
        f.check(name == null || !codes.nameTaken(kind, name, id), "name", "is already in the list");
        f.throwIfAny();
        boolean active = body.active() == null ? current.active() : body.active();
        int position = body.position() == null ? current.position() : body.position();
        codes.update(id, name, active, position);
        audit.record(actor, "update", kind.name(), id, new Changes().field("name", current.name(), name)
                .field("active", current.active(), active).field("position", current.position(), position).asMap());
        return codes.find(kind, id).orElseThrow();
    }

    private static ResultCodeKind kind(String path) {
        return ResultCodeKind.ofPath(path).orElseThrow(() -> ApiException.notFound("List " + path));
    }
}
