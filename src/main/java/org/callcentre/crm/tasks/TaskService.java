package org.callcentre.crm.tasks;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.clients.Client;
import org.callcentre.crm.clients.ClientService;
import org.callcentre.crm.notifications.NewNotification;
import org.callcentre.crm.notifications.NotificationChannel;
import org.callcentre.crm.notifications.Notifications;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PhoneNumbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tasks and scheduled call-backs. An operator works on their own tasks and their city's
 * unassigned ones and may give a task to a colleague of the same city; supervisors and admins see
 * and assign everything. Each (re)scheduled open task puts its reminder into the notifications
 * outbox, due at the task's time.
 */
@Singleton
class TaskService {
    static final String REMINDER = "task-reminder";
    private static final int MAX_TITLE = 200;
    /** A due time a little in the past is a clock apart, not a mistake. */
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    private final TaskRepository tasks;
    private final ClientService clients;
    private final CityDirectory cities;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    TaskService(TaskRepository tasks, ClientService clients, CityDirectory cities, Notifications notifications, AuditLog audit,
                Clock clock) {
        this.tasks = tasks;
        this.clients = clients;
        this.cities = cities;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Page<Task> list(String status, String assignee, String priority, Boolean overdue, String city, PageRequest page, Actor actor) {
        Fields f = new Fields();
        // a blank status (whitespace only) is no status: the default, as when it is absent
        String chosen = status == null ? null : f.oneOf("status", status, names(TaskStatus.values(), "all"), false);
        String wanted = chosen == null ? TaskStatus.open.name() : chosen;
        TaskPriority level = parse(f, "priority", priority, TaskPriority.values(), TaskPriority.class);
        boolean cityQueue = "city".equals(assignee);
        Long assigneeId = assignee == null || cityQueue ? null
                : "me".equals(assignee) ? actor.id() : operatorId(f, assignee);
        TaskRepository.Scope scope = scope(f, city, actor);
        f.throwIfAny();
        TaskStatus filter = "all".equals(wanted) ? null : TaskStatus.valueOf(wanted);
        return tasks.list(scope, filter, assigneeId, cityQueue, level, Boolean.TRUE.equals(overdue), page);
    }

    @Transactional
    TaskCounts counts(String city, Actor actor) {
        Fields f = new Fields();
        TaskRepository.Scope scope = scope(f, city, actor);
        f.throwIfAny();
        return tasks.counts(scope);
    }

    @Transactional
    Task create(TaskRequest body, Actor actor) {
        if (body == null) {
            throw ApiException.badField("dueAt", "is required");
        }
        Fields f = new Fields();
        TaskKind kind = Optional.ofNullable(parse(f, "kind", body.kind(), TaskKind.values(), TaskKind.class)).orElse(TaskKind.task);
        String title = f.required("title", body.title(), MAX_TITLE);
        String note = f.optional("note", body.note());
        Instant dueAt = dueAt(f, body.dueAt(), true);
        TaskPriority priority = Optional.ofNullable(parse(f, "priority", body.priority(), TaskPriority.values(), TaskPriority.class))
                .orElse(TaskPriority.normal);
        Client client = body.clientId() == null ? null : f.attempt("clientId", () -> visibleClient(body.clientId(), actor));
        String phone = body.phone() == null ? null : f.attempt("phone", () -> PhoneNumbers.require("phone", body.phone()));
        if (phone == null && client != null && !client.phones().isEmpty()) {
            phone = client.phones().get(0);
        }
        f.check(kind != TaskKind.callback || phone != null, "phone", "a call-back needs a number to call, or a client with one");
        visibleSource(f, "callId", "calls", body.callId(), actor);
        visibleSource(f, "orderId", "orders", body.orderId(), actor);
        visibleSource(f, "conversationId", "conversations", body.conversationId(), actor);
        Placement placement = placement(f, body.assignee() == null ? "me" : body.assignee(), body.city(), actor);
        f.throwIfAny();
        long id = tasks.insert(new TaskRepository.NewTask(kind, title, note, placement.cityId(), placement.assigneeId(), actor.id(),
                client == null ? null : client.id(), phone, body.callId(), body.orderId(), body.conversationId(), priority, dueAt));
        Task task = tasks.find(id).orElseThrow();
        remind(task);
        audit.record(actor, "create", "task", id, new Changes().set("title", title).set("dueAt", dueAt)
                .set("assigneeId", placement.assigneeId()).set("cityId", placement.cityId()).asMap());
        return task;
    }

    /** Done, cancelled, reopened, rescheduled, reassigned or reworded; a new due time gets a new reminder. */
    @Transactional
    Task update(long id, TaskRequest body, Actor actor) {
        Task current = visible(id, actor);
        if (body == null) {
            return current;
        }
        Fields f = new Fields();
        String title = body.title() == null ? current.title() : f.required("title", body.title(), MAX_TITLE);
        String note = body.note() == null ? current.note() : f.optional("note", body.note());
        Instant dueAt = body.dueAt() == null ? current.dueAt() : dueAt(f, body.dueAt(), true);
        TaskPriority priority = Optional.ofNullable(parse(f, "priority", body.priority(), TaskPriority.values(), TaskPriority.class))
                .orElse(current.priority());
        TaskStatus status = Optional.ofNullable(parse(f, "status", body.status(), TaskStatus.values(), TaskStatus.class))
                .orElse(current.status());
        Placement placement = body.assignee() == null && body.city() == null
                ? new Placement(current.cityId(), current.assigneeId())
                : placement(f, body.assignee() == null ? assigneeOf(current) : body.assignee(), body.city(), actor);
        f.throwIfAny();
        // a task done or cancelled is reopened only by saying so; its other fields stay as they were
        if (!current.open() && status == current.status() && (body.dueAt() != null || body.assignee() != null)) {
            throw ApiException.conflict("Task " + id + " is " + current.status() + "; reopen it (status open) to change it");
        }
        Instant doneAt = status == TaskStatus.open ? null : current.open() ? clock.instant() : current.doneAt();
        tasks.update(id, title, note, placement.cityId(), placement.assigneeId(), priority, status, dueAt, doneAt);
        Task updated = tasks.find(id).orElseThrow();
        if (updated.open() && (!current.open() || !dueAt.equals(current.dueAt()))) {
            remind(updated);
        }
        audit.record(actor, "update", "task", id, new Changes().field("status", current.status(), status)
                .field("dueAt", current.dueAt(), dueAt).field("assigneeId", current.assigneeId(), placement.assigneeId())
                .field("cityId", current.cityId(), placement.cityId()).field("priority", current.priority(), priority)
                .field("title", current.title(), title).field("note", current.note(), note).asMap());
        return updated;
    }

    @Transactional
    List<Task> unseenReminders(Actor actor) {
        return tasks.unseenReminders(scope(new Fields(), null, actor));
    }

    @Transactional
    void seen(long id, Actor actor) {
        visible(id, actor);
        tasks.markSeen(id);
    }

    /** Puts the reminder of the task's due time into the outbox; the same due time set again adds nothing. */
    private void remind(Task task) {
        String recipient = task.assigneeId() != null ? String.valueOf(task.assigneeId()) : "city:" + task.cityId();
        notifications.enqueue(NewNotification.of(NotificationChannel.operator, REMINDER, recipient,
                        task.note() == null ? task.title() : task.title() + "\n" + task.note())
                .subject(task.title())
                .dedupeKey("task:" + task.id() + ":" + task.dueAt().toEpochMilli())
                .notBefore(task.dueAt()))
                .ifPresent(notificationId -> tasks.setReminder(task.id(), notificationId));
    }

    /** The task if the actor may see it, else 404 (another city's task is not shown to exist). */
    private Task visible(long id, Actor actor) {
        return tasks.find(id).filter(t -> actor.cityScope() == null || Objects.equals(t.assigneeId(), actor.id())
                        || t.assigneeId() == null && Objects.equals(t.cityId(), actor.cityScope()))
                .orElseThrow(() -> ApiException.notFound("Task " + id));
    }

    private TaskRepository.Scope scope(Fields f, String city, Actor actor) {
        if (actor.cityScope() != null) {
            Long asked = f.attempt("city", () -> cities.optionalId("city", city));
            f.check(asked == null || asked.equals(actor.cityScope()), "city", "operators see the tasks of their own city only");
            return TaskRepository.Scope.operator(actor.id(), actor.cityScope());
        }
        return TaskRepository.Scope.cities(f.attempt("city", () -> cities.optionalId("city", city)));
    }

    private record Placement(Long cityId, Long assigneeId) {
    }

    /**
     * Whose the task is. An operator's task stays in their city: for themselves, for the city, or
     * for a colleague there. A supervisor's city task names its city; an assigned one takes the
     * assignee's.
     */
    private Placement placement(Fields f, String assignee, String city, Actor actor) {
        Long cityScope = actor.cityScope();
        Long namedCity = f.attempt("city", () -> cities.optionalId("city", city));
        if (cityScope != null) {
            f.check(namedCity == null || namedCity.equals(cityScope), "city", "an operator's tasks stay in their own city");
        }
        if ("city".equals(assignee)) {
            Long cityId = cityScope != null ? cityScope : namedCity;
            f.check(cityId != null, "city", "is required for a task of the whole city");
            return new Placement(cityId, null);
        }
        if ("me".equals(assignee)) {
            return new Placement(cityScope != null ? cityScope : namedCity != null ? namedCity : actor.cityId(), actor.id());
        }
        Long id = operatorId(f, assignee);
        if (id == null) {
            return new Placement(null, null);
        }
        Optional<TaskRepository.Assignee> found = tasks.assignee(id)
                .filter(a -> cityScope == null || cityScope.equals(a.cityId()));
        f.check(found.isPresent(), "assignee", cityScope == null ? "no such active user" : "no such active colleague in your city");
        return found.map(a -> new Placement(a.cityId() != null ? a.cityId() : namedCity, a.id())).orElse(new Placement(null, null));
    }

    /** {@code assignee} as an operator's id; anything else is a 400 naming it. */
    private static Long operatorId(Fields f, String assignee) {
        try {
            return Long.parseLong(assignee.trim());
        } catch (NumberFormatException e) {
            f.check(false, "assignee", "must be me, city or an operator's id");
            return null;
        }
    }

    private static String assigneeOf(Task task) {
        return task.assigneeId() == null ? "city" : String.valueOf(task.assigneeId());
    }

    private Instant dueAt(Fields f, String text, boolean required) {
        if (text == null || text.isBlank()) {
            f.check(!required, "dueAt", "is required");
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(text.trim()).toInstant();
            f.check(!at.isBefore(clock.instant().minus(PAST_TOLERANCE)), "dueAt", "must not be in the past");
            return at;
        } catch (DateTimeParseException e) {
            f.check(false, "dueAt", "must be an ISO-8601 time with its offset, e.g. 2026-03-01T18:00:00+03:00");
            return null;
        }
    }

    private Client visibleClient(long id, Actor actor) {
        try {
            return clients.visible(id, actor);
        } catch (ApiException e) {
            throw ApiException.badField("clientId", "no such client");
        }
    }

    private void visibleSource(Fields f, String field, String table, Long id, Actor actor) {
        if (id == null) {
            return;
        }
        Optional<Optional<Long>> city = tasks.cityOf(table, id);
        f.check(city.isPresent() && (actor.cityScope() == null || city.get().isEmpty() || city.get().get().equals(actor.cityScope())),
                field, "no such " + field.replace("Id", ""));
    }

    private static <E extends Enum<E>> E parse(Fields f, String field, String value, E[] values, Class<E> type) {
        String name = f.oneOf(field, value, names(values), false);
        return name == null || !Arrays.stream(values).map(Enum::name).toList().contains(name) ? null : Enum.valueOf(type, name);
    }

    private static List<String> names(Enum<?>[] values, String... extra) {
        return java.util.stream.Stream.concat(Arrays.stream(values).map(Enum::name), Arrays.stream(extra)).toList();
    }
}
