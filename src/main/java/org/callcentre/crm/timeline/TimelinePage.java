package org.callcentre.crm.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** @param next the {@code before} of the following page; null on the last page */
@Serdeable
public record TimelinePage(List<TimelineEntry> items, @Nullable String next) {
}
