package org.callcentre.crm.live;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.calls.Call;

/** {@code {"type":"call-updated","call":…}}: the call as {@code GET /api/calls/{id}} now shows it. */
@Serdeable
public record CallUpdated(String type, Call call) {

    static CallUpdated of(Call call) {
        return new CallUpdated("call-updated", call);
    }
}
