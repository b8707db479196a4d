package org.callcentre.crm.telephony.mango;

import jakarta.inject.Singleton;
import org.callcentre.crm.recordings.RecordingRefused;
import org.callcentre.crm.recordings.RecordingSettings;
import org.callcentre.crm.recordings.RecordingSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads a Mango recording ({@code mango:<recording_id>}): a signed POST to
 * {@code queries/recording/post} with {@code action: download}, which Mango answers with a redirect
 * to a one-time link serving the MP3. Until the recording is ready Mango answers something else
 * (an error code in JSON); that is a failed attempt, retried with backoff by the job queue. The file is
 * counted as it arrives: past {@code crm.recordings.max-size} the download stops and the job fails for good.
 */
@Singleton
public class MangoRecordingSource implements RecordingSource {
    static final String PREFIX = "mango:";

    private final MangoSettings settings;
    private final RecordingSettings recordings;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public MangoRecordingSource(MangoSettings settings, RecordingSettings recordings) {
        this.settings = settings;
        this.recordings = recordings;
    }

    @Override
    public boolean handles(String recordingRef) {
        return recordingRef.startsWith(PREFIX);
    }

    @Override
    public String fetch(String recordingRef, boolean callEnded, Path target) throws IOException {
        if (!settings.configured() || settings.apiUrl() == null) {
            throw new IOException("Mango Office API is not configured (CRM_MANGO_API_KEY, CRM_MANGO_API_SALT, CRM_MANGO_API_URL)");
        }
        String recordingId = recordingRef.substring(PREFIX.length());
        String json = "{\"recording_id\":\"" + recordingId.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"action\":\"download\"}";
        HttpRequest request = MangoCommands.signedPost(settings, "queries/recording/post", json, Duration.ofMinutes(2));
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() != 200 || !type.startsWith("audio/")) {
                    String answer = new String(body.readNBytes(500), StandardCharsets.UTF_8);
                    throw new IOException("Mango recording " + recordingId + " not ready: " + response.statusCode() + " " + answer);
                }
                if (response.headers().firstValueAsLong("Content-Length").orElse(-1) > recordings.maxSize()) {
                    throw RecordingRefused.tooLarge(recordings.maxSize());
                }
                RecordingRefused.copyAtMost(body, target, recordings.maxSize());
                return type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading from Mango", e);
        }
    }
}
