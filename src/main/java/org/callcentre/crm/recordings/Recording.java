package org.callcentre.crm.recordings;

import java.time.Instant;
import java.util.UUID;

/** A stored recording and the city of its call, which decides who may hear it. */
public record Recording(UUID id, long callId, Long callCityId, String fileName, String contentType, long sizeBytes,
                        Instant createdAt) {
}
