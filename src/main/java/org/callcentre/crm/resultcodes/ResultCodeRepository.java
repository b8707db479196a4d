package org.callcentre.crm.resultcodes;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
class ResultCodeRepository {
    private final Db db;

    ResultCodeRepository(Db db) {
        this.db = db;
    }

    /** In the list's order, through result_codes_kind_idx. */
    List<ResultCode> list(ResultCodeKind kind) {
        return db.query("SELECT * FROM result_codes WHERE kind = ? ORDER BY position, id",
                ResultCodeRepository::map, kind.name());
    }

    Optional<ResultCode> find(ResultCodeKind kind, long id) {
        return db.queryOne("SELECT * FROM result_codes WHERE id = ? AND kind = ?", ResultCodeRepository::map, id, kind.name());
    }

    boolean nameTaken(ResultCodeKind kind, String name, long exceptId) {
        return db.queryLong("SELECT count(*) FROM result_codes WHERE kind = ? AND name = ? AND id <> ?", kind.name(), name, exceptId) > 0;
    }

    long insert(ResultCodeKind kind, String name, int position) {
        return db.insert("INSERT INTO result_codes (kind, name, position) VALUES (?, ?, ?) RETURNING id", kind.name(), name, position);
    }

    void update(long id, String name, boolean active, int position) {
        db.update("UPDATE result_codes SET name = ?, active = ?, position = ?, updated_at = now() WHERE id = ?", name, active, position, id);
    }

    private static ResultCode map(ResultSet rs) throws SQLException {
        return new ResultCode(rs.getLong("id"), ResultCodeKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getBoolean("active"), rs.getInt("position"));
    }
}
