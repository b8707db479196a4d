package org.callcentre.crm.asr;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

@Singleton
public class TranscriptRepository {
    private final Db db;
    private final ObjectMapper json;

    public TranscriptRepository(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A transcribed call; a repeated transcription replaces the earlier one. */
    public void save(long callId, String engine, String language, String text, List<TranscriptWord> words, double audioSeconds) {
        db.update("""
                INSERT INTO transcripts (call_id, engine, language, text, words, audio_seconds) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (call_id) DO UPDATE SET engine = EXCLUDED.engine, language = EXCLUDED.language, text = EXCLUDED.text,
                    words = EXCLUDED.words, audio_seconds = EXCLUDED.audio_seconds, created_at = now()""",
                callId, engine, language, text, new Db.Jsonb(write(words)), audioSeconds);
    }

    public Optional<Transcript> find(long callId) {
        return db.queryOne("SELECT * FROM transcripts WHERE call_id = ?", rs -> new Transcript(rs.getString("engine"),
                rs.getString("language"), rs.getString("text"), read(rs.getString("words")), rs.getDouble("audio_seconds"),
                Db.getInstant(rs, "created_at")), callId);
    }

    private String write(List<TranscriptWord> words) {
        try {
            return json.writeValueAsString(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<TranscriptWord> read(String words) {
        try {
            return List.of(json.readValue(words, TranscriptWord[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
