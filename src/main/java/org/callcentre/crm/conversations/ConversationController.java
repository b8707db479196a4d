package org.callcentre.crm.conversations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.orders.OrderView;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

/** Chats with clients; {@code ?status=queued} is the operators' queue, oldest first. */
@Tag(name = "conversations")
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class ConversationController {
    private final ConversationService conversations;
    private final MessageDelivery delivery;
    private final ChatImageProxy images;

    ConversationController(ConversationService conversations, MessageDelivery delivery, ChatImageProxy images) {
        this.conversations = conversations;
        this.delivery = delivery;
        this.images = images;
    }

    @Get
    public ApiResponse<List<Conversation>> list(@Nullable @QueryValue String status, @Nullable @QueryValue String city,
                                                @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                                Actor actor) {
        return ApiResponse.page(conversations.list(status, city, PageRequest.of(page, limit), actor));
    }

    @Get("/{id}")
    public ApiResponse<ConversationDetail> get(long id, Actor actor) {
        return ApiResponse.of(conversations.get(id, actor));
    }

    /** The picture a client sent, streamed from the marketplace: the browser may load own-origin images only. */
    @Get("/{id}/messages/{messageId}/image")
    public HttpResponse<StreamedFile> image(long id, long messageId, Actor actor) {
        ChatChannel.ChatImage image = images.open(id, messageId, actor);
        MediaType type = MediaType.of(image.contentType());
        StreamedFile file = image.length() >= 0 ? new StreamedFile(image.body(), type, 0, image.length()) : new StreamedFile(image.body(), type);
        return HttpResponse.ok(file).header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400");
    }

    /** 201 with the message after one delivery attempt: sent, or failed with the error and the next try's time. */
    @Post("/{id}/messages")
    @Status(HttpStatus.CREATED)
    public ApiResponse<Message> reply(long id, @Body ReplyRequest body, Actor actor) {
        long messageId = conversations.reply(id, body, actor);
        return ApiResponse.of(delivery.deliver(messageId));
    }

    /** The caller becomes the chat's owner; 409 naming the owner when someone else has it. */
    @Post("/{id}/take")
    public ApiResponse<Conversation> take(long id, Actor actor) {
        return ApiResponse.of(conversations.take(id, actor));
    }

    @Post("/{id}/assign")
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<Conversation> assign(long id, @Body AssignRequest body, Actor actor) {
        return ApiResponse.of(conversations.assign(id, body, actor));
    }

    @Post("/{id}/close")
    public ApiResponse<Conversation> close(long id, Actor actor) {
        return ApiResponse.of(conversations.close(id, actor));
    }

    @Post("/{id}/order")
    @Status(HttpStatus.CREATED)
    public ApiResponse<OrderView> createOrder(long id, Actor actor) {
        return ApiResponse.of(conversations.createOrder(id, actor));
    }
}
