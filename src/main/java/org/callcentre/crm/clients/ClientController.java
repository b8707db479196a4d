package org.callcentre.crm.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

@Tag(name = "clients")
@Controller("/api/clients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ClientController {
    private final ClientService clients;

    public ClientController(ClientService clients) {
        this.clients = clients;
    }

    @Serdeable
    public record NoteRequest(String text) {
    }

    @Serdeable
    public record MergeRequest(Long duplicateId) {
    }

    /** {@code phone} finds the client with exactly that number; {@code q} searches names and phone digits. */
    @Get
    public ApiResponse<List<ClientView>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                              @Nullable @QueryValue String phone, @Nullable @QueryValue String q,
                                              @Nullable @QueryValue String tag, Actor actor) {
        return ApiResponse.page(clients.list(phone, q, tag, PageRequest.of(page, limit), actor));
    }

    @Get("/{id}")
    public ApiResponse<ClientDetail> get(long id, Actor actor) {
        return ApiResponse.of(clients.get(id, actor));
    }

    @Patch("/{id}")
    public ApiResponse<ClientDetail> patch(long id, @Body ClientRequest body, Actor actor) {
        return ApiResponse.of(clients.update(id, body, actor));
    }

    @Post("/{id}/notes")
    @Status(HttpStatus.CREATED)
    public ApiResponse<ClientNote> addNote(long id, @Body NoteRequest body, Actor actor) {
        return ApiResponse.of(clients.addNote(id, body.text(), actor));
    }

    @Patch("/{id}/notes/{noteId}")
    public ApiResponse<ClientNote> editNote(long id, long noteId, @Body NoteRequest body, Actor actor) {
        return ApiResponse.of(clients.editNote(id, noteId, body.text(), actor));
    }

    /** Folds a duplicate client into this one; an operator merges within their city. */
    @Post("/{id}/merge")
    public ApiResponse<ClientDetail> merge(long id, @Body MergeRequest body, Actor actor) {
        return ApiResponse.of(clients.merge(id, body.duplicateId(), actor));
    }

    /** Erases the client's personal data on request (152-ФЗ); supervisors and admins only. */
    @Post("/{id}/anonymise")
    @Secured({Role.SUPERVISOR, Role.ADMIN})
    public ApiResponse<ClientDetail> anonymise(long id, Actor actor) {
        return ApiResponse.of(clients.anonymise(id, actor));
    }
}
