package org.callcentre.crm.asr;

import io.micronaut.serde.annotation.Serdeable;

/** A word of a call's transcript and who said it: operator, client (a stereo recording's channels) or mixed (mono). */
@Serdeable
public record TranscriptWord(String speaker, String word, double start, double end, double confidence) {
}
