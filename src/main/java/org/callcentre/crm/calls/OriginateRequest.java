package org.callcentre.crm.calls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/calls/originate}: the client's number, in any form people write it. */
@Serdeable
public record OriginateRequest(@Nullable String phone) {
}
