package org.callcentre.crm.recordings;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class RecordingRepository {
    private static final String SELECT = "SELECT r.*, c.city_id AS call_city_id FROM recordings r JOIN calls c ON c.id = r.call_id";

    private final Db db;

    public RecordingRepository(Db db) {
        this.db = db;
    }

    /** What the PBX said about the call's recording, and whether the call is over. */
    public record CallRecordingRef(String recordingRef, boolean ended) {
    }

    public Optional<CallRecordingRef> callRef(long callId) {
        return db.queryOne("SELECT recording_ref, ended_at IS NOT NULL AS ended FROM calls WHERE id = ?",
                rs -> new CallRecordingRef(rs.getString("recording_ref"), rs.getBoolean("ended")), callId);
    }

    public Optional<Recording> find(UUID id) {
        return db.queryOne(SELECT + " WHERE r.id = ?", RecordingRepository::map, id);
    }

    public Optional<Recording> findByCall(long callId) {
        return db.queryOne(SELECT + " WHERE r.call_id = ?", RecordingRepository::map, callId);
    }

    public void insert(UUID id, long callId, String sourceRef, String fileName, String contentType, long size) {
        db.update("INSERT INTO recordings (id, call_id, source_ref, file_name, content_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?)",
                id, callId, sourceRef, fileName, contentType, size);
    }

    public List<Recording> olderThan(Instant cutoff, int limit) {
        return db.query(SELECT + " WHERE r.created_at < ? ORDER BY r.created_at LIMIT ?", RecordingRepository::map, cutoff, limit);
    }

    public void delete(UUID id) {
        db.update("DELETE FROM recordings WHERE id = ?", id);
    }

    private static Recording map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Recording(rs.getObject("id", UUID.class), rs.getLong("call_id"), Db.getLong(rs, "call_city_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), Db.getInstant(rs, "created_at"));
    }
}
