package org.callcentre.crm.shared;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Pagination(int page, int limit, long total, long totalPages,
                         boolean totalEstimated) {
}
