package org.callcentre.crm.notifications.masters;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;

/** A master's notification channels: the e-mail address and the Telegram link code. */
@Tag(name = "masters")
@Controller("/api/masters/{id}/channels")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR})
public class MasterChannelsController {
    private final MasterChannels channels;

    MasterChannelsController(MasterChannels channels) {
        this.channels = channels;
    }

    @Get
    public ApiResponse<MasterChannels.View> get(long id) {
        return ApiResponse.of(channels.get(id));
    }

    @Put
    public ApiResponse<MasterChannels.View> put(long id, @Body MasterChannels.Request body, Actor actor) {
        return ApiResponse.of(channels.setEmail(id, body, actor));
    }

    @Post("/telegram-code")
    public ApiResponse<MasterChannels.LinkCode> telegramCode(long id, Actor actor) {
        return ApiResponse.of(channels.newLinkCode(id, actor));
    }
}
