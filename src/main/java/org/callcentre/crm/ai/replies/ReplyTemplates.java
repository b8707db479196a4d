package org.callcentre.crm.ai.replies;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.util.Map;

/** The operator templates admins and supervisors keep; every change is audited. */
@Singleton
class ReplyTemplates {
    private static final int MAX_TITLE = 200;
    /** As long as a chat reply may be. */
    private static final int MAX_TEXT = 1000;

    private final ReplyRepository repository;
    private final CityDirectory cities;
    private final AuditLog audit;

    ReplyTemplates(ReplyRepository repository, CityDirectory cities, AuditLog audit) {
        this.repository = repository;
        this.cities = cities;
        this.audit = audit;
    }

    @Transactional
    public Page<ReplyTemplate> list(String city, PageRequest page) {
        return repository.list(cities.optionalId("city", city), page);
    }

    @Transactional
    public ReplyTemplate get(long id) {
        return find(id);
    }

    @Transactional
    public ReplyTemplate create(ReplyTemplateRequest request, Actor actor) {
        Fields f = new Fields();
        String title = f.required("title", request.title(), MAX_TITLE);
        String text = f.required("text", request.text(), MAX_TEXT);
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        f.throwIfAny();
        long id = repository.insert(title, text, cityId, actor.id());
        audit.record(actor, "create", "reply_template", id,
                new Changes().set("title", title).set("text", text).set("city", request.city()).asMap());
        return find(id);
    }

    @Transactional
    public ReplyTemplate update(long id, ReplyTemplateRequest request, Actor actor) {
        ReplyTemplate current = find(id);
        Fields f = new Fields();
        String title = request.title() == null ? current.title() : f.required("title", request.title(), MAX_TITLE);
        String text = request.text() == null ? current.text() : f.required("text", request.text(), MAX_TEXT);
        Long cityId = request.city() == null ? (current.city() == null ? null : cities.requireId("city", current.city()))
                : f.attempt("city", () -> cities.optionalId("city", request.city()));
        f.throwIfAny();
        repository.update(id, title, text, cityId);
        ReplyTemplate updated = find(id);
        audit.record(actor, "update", "reply_template", id, new Changes().field("title", current.title(), updated.title())
                .field("text", current.text(), updated.text()).field("city", current.city(), updated.city()).asMap());
        return updated;
    }

    @Transactional
    public void delete(long id, Actor actor) {
        ReplyTemplate current = find(id);
        repository.delete(id);
        audit.record(actor, "delete", "reply_template", id, Map.of("title", current.title()));
    }

    private ReplyTemplate find(long id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Reply template " + id));
    }
}
