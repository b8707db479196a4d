package org.callcentre.crm.resultcodes;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An absent field keeps its value. */
@Serdeable
public record ResultCodeRequest(@Nullable String name, @Nullable Boolean active, @Nullable Integer position) {
}
