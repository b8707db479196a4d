package org.callcentre.crm.demo;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.util.List;

/** The {@code demo_rows} marks: which directory rows the demo made. */
@Singleton
class DemoRows {
    private final Db db;

    DemoRows(Db db) {
        this.db = db;
    }

    void mark(String entity, long id) {
        db.update("INSERT INTO demo_rows (entity, row_id) VALUES (?, ?) ON CONFLICT DO NOTHING", entity, id);
    }

    List<Long> ids(String entity) {
        return db.query("SELECT row_id FROM demo_rows WHERE entity = ? ORDER BY row_id", rs -> rs.getLong(1), entity);
    }

    boolean any() {
        return db.queryLong("SELECT count(*) FROM (SELECT 1 FROM demo_rows LIMIT 1) d") > 0;
    }

    /** The demo operators' extensions with their campaign lines (the line of a campaign in the operator's city). */
    List<DemoLine> lines() {
        return db.query("SELECT o.sip_address, c.phone_ats, c.source FROM demo_rows ro JOIN operators o ON o.id = ro.row_id "
                        + "JOIN campaigns c ON c.city_id = o.city_id JOIN demo_rows rc ON rc.entity = 'campaign' AND rc.row_id = c.id "
                        + "WHERE ro.entity = 'operator' AND o.role = 'operator' AND o.sip_address IS NOT NULL ORDER BY o.id, c.id",
                rs -> new DemoLine(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** An operator extension and a campaign number it answers. */
    record DemoLine(String extension, String companyNumber, String source) {
    }
}
