package org.callcentre.crm.calls;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/** The filters of {@code GET /api/calls} as the client sent them, before validation; {@code text} searches transcripts. */
@Introspected
public record CallListRequest(@Nullable @QueryValue String dateFrom, @Nullable @QueryValue String dateTo,
                              @Nullable @QueryValue Long operatorId, @Nullable @QueryValue String status,
                              @Nullable @QueryValue String city, @Nullable @QueryValue String rk,
                              @Nullable @QueryValue String direction, @Nullable @QueryValue String phone,
                              @Nullable @QueryValue String text) {
}
