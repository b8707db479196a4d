package org.callcentre.crm.operators;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.PasswordHasher;
import org.callcentre.crm.auth.PasswordPolicy;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.auth.Sessions;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@Singleton
public class OperatorService {
    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::name).toList();
    private static final String SIP_ADDRESS = "[0-9]{2,8}";

    private final OperatorRepository operators;
    private final CityDirectory cities;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<WorkStatusChanged> workStatusChanges;

    public OperatorService(OperatorRepository operators, CityDirectory cities, PasswordHasher hasher,
                           Sessions sessions, AuditLog audit, Clock clock,
                           ApplicationEventPublisher<WorkStatusChanged> workStatusChanges) {
        this.operators = operators;
        this.cities = cities;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.workStatusChanges = workStatusChanges;
    }

    @Transactional
    public Page<OperatorView> list(String role, String city, String status, String q, PageRequest page) {
        Long cityId = cities.optionalId("city", city);
        return operators.list(role, cityId, status, q == null || q.isBlank() ? null : q.trim(), page).map(Operator::view);
    }

    @Transactional
    public OperatorView get(long id) {
        return find(id).view();
    }

    @Transactional
    public OperatorView create(OperatorRequest request, Actor actor) {
        Fields f = new Fields();
        String login = f.required("login", request.login(), 64);
        f.check(login == null || login.matches("[A-Za-z0-9._@-]+"), "login", "may contain only latin letters, digits and . _ @ -");
        String password = request.password();
        f.attempt("password", () -> PasswordPolicy.check("password", password));
        String name = f.required("name", request.name(), 200);
        String role = f.oneOf("role", request.role(), ROLES, true);
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        String sip = sipAddress(f, request.sipAddress());
        String status = f.oneOf("status", request.status(), Operator.STATUSES, false);
        String statusWork = f.oneOf("statusWork", request.statusWork(), Operator.WORK_STATUSES, false);
        f.check(!"operator".equals(role) || cityId != null || f.has("city"), "city", "is required for an operator");
        f.throwIfAny();
        if (operators.loginTaken(login, null)) {
            throw ApiException.conflict("Login '" + login + "' is taken");
        }
        if (sip != null && operators.sipAddressTaken(sip, null)) {
            throw ApiException.conflict("SIP address " + sip + " belongs to another operator");
        }
        String work = statusWork == null ? "offline" : statusWork;
        long id = operators.insert(login, hasher.hash(password), name, Role.valueOf(role), cityId,
                status == null ? "active" : status, work, sip);
        recordWorkStatus(id, sip, work);
        audit.record(actor, "create", "operator", id, new Changes().set("login", login).set("password", password)
                .set("name", name).set("role", role).set("city", request.city()).set("sipAddress", sip).asMap());
        return find(id).view();
    }

    @Transactional
    public OperatorView update(long id, OperatorRequest request, Actor actor) {
        Operator current = find(id);
        Fields f = new Fields();
        String login = request.login() == null ? current.login() : f.required("login", request.login(), 64);
        f.check(login == null || login.matches("[A-Za-z0-9._@-]+"), "login", "may contain only latin letters, digits and . _ @ -");
        String name = request.name() == null ? current.name() : f.required("name", request.name(), 200);
        String role = request.role() == null ? current.role().name() : f.oneOf("role", request.role(), ROLES, true);
        Long cityId = request.city() == null ? current.cityId() : f.attempt("city", () -> cities.optionalId("city", request.city()));
        String sip = request.sipAddress() == null ? current.sipAddress() : sipAddress(f, request.sipAddress());
        String status = request.status() == null ? current.status() : f.oneOf("status", request.status(), Operator.STATUSES, true);
        String statusWork = request.statusWork() == null ? current.statusWork()
                : f.oneOf("statusWork", request.statusWork(), Operator.WORK_STATUSES, true);
        if (request.password() != null) {
            f.attempt("password", () -> PasswordPolicy.check("password", request.password()));
        }
        f.throwIfAny();
        if (!login.equals(current.login()) && operators.loginTaken(login, id)) {
            throw ApiException.conflict("Login '" + login + "' is taken");
        }
        if (sip != null && !sip.equals(current.sipAddress()) && operators.sipAddressTaken(sip, id)) {
            throw ApiException.conflict("SIP address " + sip + " belongs to another operator");
        }
        if (current.role() == Role.admin && (!"admin".equals(role) || !"active".equals(status)) && Objects.equals(actor.id(), id)) {
            throw ApiException.conflict("An admin cannot demote or block their own account");
        }
        String hash = request.password() == null ? current.passwordHash() : hasher.hash(request.password());
        Operator updated = new Operator(id, login, hash, name, Role.valueOf(role), cityId, null, status, statusWork, sip,
                current.createdAt(), current.updatedAt());
        operators.update(updated);
        if (!statusWork.equals(current.statusWork())) {
            recordWorkStatus(id, sip, statusWork);
        }
        // a token carries the role and city it was issued with: a demoted admin or a moved operator must not keep them
        boolean rightsChanged = updated.role() != current.role() || !Objects.equals(cityId, current.cityId());
        if (request.password() != null || !"active".equals(status) || rightsChanged) {
            sessions.endAll(id);
        }
        audit.record(actor, "update", "operator", id, changes(current, updated, request.password() != null));
        return find(id).view();
    }

    @Transactional
    public void delete(long id, Actor actor) {
        Operator current = find(id);
        if (Objects.equals(actor.id(), id)) {
            throw ApiException.conflict("You cannot delete your own account");
        }
        if (operators.isReferenced(id)) {
            throw ApiException.conflict("Operator " + current.login()
                    + " has calls or orders; set status 'inactive' to block the account instead");
        }
        operators.delete(id);
        sessions.announce(id);
        audit.record(actor, "delete", "operator", id, Map.of("login", current.login()));
    }

    @Transactional
    public OperatorView setOwnWorkStatus(Actor actor, String statusWork) {
        Fields f = new Fields();
        String status = f.oneOf("statusWork", statusWork, Operator.WORK_STATUSES, true);
        f.throwIfAny();
        Operator current = find(actor.id());
        if (!status.equals(current.statusWork())) {
            operators.update(new Operator(current.id(), current.login(), current.passwordHash(), current.name(), current.role(),
                    current.cityId(), null, current.status(), status, current.sipAddress(), current.createdAt(), current.updatedAt()));
            recordWorkStatus(current.id(), current.sipAddress(), status);
            audit.record(actor, "update", "operator", current.id(), Map.of("statusWork", status));
        }
        return find(actor.id()).view();
    }

    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        Fields f = new Fields();
        f.required("currentPassword", currentPassword, PasswordHasher.MAX_BYTES);
        f.attempt("newPassword", () -> PasswordPolicy.check("newPassword", newPassword));
        f.throwIfAny();
        Operator current = find(actor.id());
        if (!hasher.matches(currentPassword, current.passwordHash())) {
            throw ApiException.badField("currentPassword", "is wrong");
        }
        operators.update(new Operator(current.id(), current.login(), hasher.hash(newPassword), current.name(), current.role(),
                current.cityId(), null, current.status(), current.statusWork(), current.sipAddress(), current.createdAt(),
                current.updatedAt()));
        sessions.endAll(current.id());
        audit.record(actor, "change_password", "operator", current.id(), Map.of("password", "changed"));
    }

    private void recordWorkStatus(long operatorId, String sipAddress, String statusWork) {
        operators.recordWorkStatus(operatorId, statusWork, clock.instant());
        workStatusChanges.publishEvent(new WorkStatusChanged(operatorId, sipAddress, statusWork));
    }

    private Operator find(long id) {
        return operators.findById(id).orElseThrow(() -> ApiException.notFound("Operator " + id));
    }

    private static String sipAddress(Fields f, String raw) {
        String sip = f.optional("sipAddress", raw, 8);
        f.check(sip == null || sip.matches(SIP_ADDRESS), "sipAddress", "must be the extension digits, e.g. 101");
        return sip;
    }

    private static Map<String, Object> changes(Operator before, Operator after, boolean passwordChanged) {
        Changes changes = new Changes()
                .field("login", before.login(), after.login())
                .field("name", before.name(), after.name())
                .field("role", before.role(), after.role())
                .field("cityId", before.cityId(), after.cityId())
                .field("status", before.status(), after.status())
                .field("statusWork", before.statusWork(), after.statusWork())
                .field("sipAddress", before.sipAddress(), after.sipAddress());
        if (passwordChanged) {
            changes.set("password", "changed");
        }
        return changes.asMap();
    }
}
