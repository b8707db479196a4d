package org.callcentre.crm.resultcodes;

import io.micronaut.serde.annotation.Serdeable;

/** An entry of a list; a retired one ({@code active} false) is no longer offered but keeps its figures. */
@Serdeable
public record ResultCode(long id, ResultCodeKind kind, String name, boolean active, int position) {
}
