package org.callcentre.crm.asr;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

@Serdeable
public record Transcript(String engine, String language, String text, List<TranscriptWord> words, double audioSeconds,
                         Instant createdAt) {
}
