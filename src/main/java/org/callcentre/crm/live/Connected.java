package org.callcentre.crm.live;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;

/** The first message on an admitted socket: from now on nothing meant for this user is missed. */
@Serdeable
public record Connected(String type, long userId, String login, Role role) {

    static Connected of(Actor actor) {
        return new Connected("connected", actor.id(), actor.login(), actor.role());
    }
}
