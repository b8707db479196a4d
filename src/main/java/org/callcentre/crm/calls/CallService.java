package org.callcentre.crm.calls;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.resultcodes.ResultCode;
import org.callcentre.crm.resultcodes.ResultCodeKind;
import org.callcentre.crm.resultcodes.ResultCodes;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.util.List;
import java.util.Objects;

@Singleton
public class CallService {
    private static final int MAX_RK = 200;
    private static final int MAX_TEXT = 200;

    private final CallRepository calls;
    private final CityDirectory cities;
    private final AuditLog audit;
    private final ResultCodes resultCodes;
    private final ApplicationEventPublisher<CallAnnotated> annotations;

    public CallService(CallRepository calls, CityDirectory cities, AuditLog audit, ResultCodes resultCodes,
                       ApplicationEventPublisher<CallAnnotated> annotations) {
        this.calls = calls;
        this.cities = cities;
        this.audit = audit;
        this.resultCodes = resultCodes;
        this.annotations = annotations;
    }

    // The lists run without a transaction of their own: their reads may go to the read replica (shared.ReadDb)
    public Page<Call> list(CallListRequest request, PageRequest page, Actor actor) {
        return calls.list(filter(request, actor), page);
    }

    /** The page after a cursor, and the cursor after it when the page is full. */
    public ApiResponse<List<Call>> listAfter(CallListRequest request, String after, int limit, Actor actor) {
        CallFilter filter = filter(request, actor);
        List<Call> rows = calls.listAfter(filter, CallCursor.parse("after", after), limit);
        return ApiResponse.page(rows, null, next(rows, limit));
    }

    /**
     * A numbered page and the cursor to go on from it; with its (capped) total only when {@code count}:
     * the count reads up to {@link org.callcentre.crm.shared.PagedQuery#EXACT_COUNT_LIMIT} index entries
     * more than the page, and a client scrolling on already has it from the first page.
     */
    public ApiResponse<List<Call>> listPage(CallListRequest request, PageRequest page, boolean count, Actor actor) {
        if (!count) {
            List<Call> rows = calls.listUncounted(filter(request, actor), page);
            return ApiResponse.page(rows, null, next(rows, page.limit()));
        }
        Page<Call> rows = list(request, page, actor);
        return ApiResponse.page(rows.items(), rows.pagination(), next(rows.items(), page.limit()));
    }

    /** A page shorter than asked is the last; a full one may be followed by an empty page. */
    private static String next(List<Call> rows, int limit) {
        return rows.size() < limit ? null : CallCursor.after(rows.get(rows.size() - 1)).encode();
    }

    @Transactional
    public Call get(long id, Actor actor) {
        return find(id, actor).withAvitoAd(calls.avitoAd(id).orElse(null));
    }

    @Transactional
    public Call annotate(long id, CallAnnotation request, Actor actor) {
        Call current = find(id, actor);
        Fields f = new Fields();
        String note = request.note() == null ? current.note() : f.optional("note", request.note());
        Long dispositionId = current.dispositionId();
        String disposition = current.disposition();
        if (request.dispositionId() != null) {
            f.check("answered".equals(current.status()), "dispositionId", "only an answered call takes a disposition");
            ResultCode picked = f.attempt("dispositionId",
                    () -> resultCodes.requireActive(ResultCodeKind.disposition, "dispositionId", request.dispositionId()));
            dispositionId = picked == null ? null : picked.id();
            disposition = picked == null ? null : picked.name();
        }
        f.throwIfAny();
        calls.annotate(id, dispositionId, disposition, note);
        audit.record(actor, "update", "call", id, new Changes()
                .field("disposition", current.disposition(), disposition)
                .field("note", current.note(), note).asMap());
        if (!Objects.equals(dispositionId, current.dispositionId())) {
            annotations.publishEvent(new CallAnnotated(id));
        }
        return find(id, actor);
    }

    /** The list's filters, validated and scoped to what the actor may see; the call export reuses them. */
    public CallFilter filter(CallListRequest request, Actor actor) {
        Fields f = new Fields();
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        String status = f.oneOf("status", request.status(), Call.STATUSES, false);
        String direction = f.oneOf("direction", request.direction(), Call.DIRECTIONS, false);
        String rk = f.optional("rk", request.rk(), MAX_RK);
        String phone = f.attempt("phone", () -> PhoneNumbers.optional("phone", request.phone()));
        String text = f.optional("text", request.text(), MAX_TEXT);
        f.throwIfAny();
        // Plain dates are days of the city asked for; the city must be known before they can be read.
        DateRange dates = DateRange.parse(request.dateFrom(), request.dateTo(), cities.zone(cityId));
        return new CallFilter(actor.cityScope(), dates, request.operatorId(), status, cityId, rk, direction, phone, text);
    }

    /** A call of another city is reported missing rather than forbidden, so ids do not reveal other cities' traffic. */
    private Call find(long id, Actor actor) {
        Long scope = actor.cityScope();
        return calls.findById(id)
                .filter(call -> scope == null || Objects.equals(scope, call.cityId()))
                .orElseThrow(() -> ApiException.notFound("Call " + id));
    }
}
