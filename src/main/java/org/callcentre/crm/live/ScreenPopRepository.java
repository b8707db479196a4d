package org.callcentre.crm.live;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.calls.Call;
import org.callcentre.crm.shared.Db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

@Singleton
public class ScreenPopRepository {
    private static final int NOTES = 3;
    private static final int RECENT_CALLS = 5;

    /**
     * One statement, every part an index lookup: campaigns by rk (unique), clients by id,
     * client_phones (client_id), client_notes (client_id, created_at), orders (client_id),
     * calls (client_id, created_at), Avito's tracked calls (buyer_phone, call_time). Built as JSON so that it arrives in one round trip.
     * Package-visible so that a test can EXPLAIN exactly it.
     */
    static final String CARD = """
            SELECT json_build_object(
              'campaign', (SELECT json_build_object('rk', k.rk, 'city', kc.name, 'source', k.source)
                           FROM campaigns k JOIN cities kc ON kc.id = k.city_id WHERE k.rk = ?),
              'client', (SELECT json_build_object(
                             'id', c.id, 'name', c.name, 'tags', c.tags, 'vip', c.vip, 'doNotServe', c.do_not_serve,
                             'phones', ARRAY(SELECT p.phone FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id),
                             'notes', (SELECT coalesce(json_agg(latest ORDER BY latest."createdAt" DESC, latest.id DESC), '[]')
                                       FROM (SELECT n.id, n.text, n.operator_id AS "operatorId", a.login AS "authorLogin",
                                                    n.created_at AS "createdAt"
                                             FROM client_notes n LEFT JOIN operators a ON a.id = n.operator_id
                                             WHERE n.client_id = c.id ORDER BY n.created_at DESC, n.id DESC LIMIT %d) latest))
                         FROM clients c WHERE c.id = ?),
              'openOrders', (SELECT coalesce(json_agg(open ORDER BY open."createdAt" DESC, open.id DESC), '[]')
                             FROM (SELECT o.id, o.rk, oc.name AS city, o.status, o.type_order AS "typeOrder",
                                          o.type_equipment AS "typeEquipment", o.problem, o.address,
                                          o.date_meeting AS "dateMeeting", o.created_at AS "createdAt"
                                   FROM orders o JOIN cities oc ON oc.id = o.city_id
                                   WHERE o.client_id = ? AND o.status IN ('new', 'assigned', 'in_progress')
                                     AND (CAST(? AS bigint) IS NULL OR o.city_id = ?)) open),
              'recentCalls', (SELECT coalesce(json_agg(recent ORDER BY recent."createdAt" DESC, recent.id DESC), '[]')
                              FROM (SELECT x.id, x.created_at AS "createdAt", x.direction, x.status,
                                           x.operator_id AS "operatorId", x.talk_seconds AS "talkSeconds"
                                    FROM calls x WHERE x.client_id = ? AND x.id <> ?
                                    ORDER BY x.created_at DESC, x.id DESC LIMIT %d) recent),
              'avitoAd', (SELECT json_build_object('id', t.item_id, 'title', t.item_title, 'url', t.item_url,
                                                   'calledAt', t.call_time, 'thisCall', coalesce(t.call_id = ?, false))
                          FROM avito_tracked_calls t WHERE t.buyer_phone = ? AND t.item_id IS NOT NULL
                          ORDER BY t.call_time DESC, t.id DESC LIMIT 1)
            )::text""".formatted(NOTES, RECENT_CALLS);

    private final Db db;
    private final ObjectMapper json;

    public ScreenPopRepository(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The active user whose extension (SIP address) this is, as far as city scope goes. */
    public Optional<Actor> userOnExtension(String extension) {
        return db.queryOne("SELECT id, login, role, city_id FROM operators WHERE sip_address = ? AND status = 'active'",
                rs -> new Actor(rs.getLong("id"), rs.getString("login"), Role.valueOf(rs.getString("role")),
                        Db.getLong(rs, "city_id"), null),
                extension);
    }

    /**
     * @param call      the ringing call: its client (or none: then no client, orders or calls), campaign and caller's number
     * @param cityScope the only city whose orders the operator may see; null for every city
     */
    public PopCard card(Call call, Long cityScope) {
        Long clientId = call.clientId();
        String card = db.queryOne(CARD, rs -> rs.getString(1), call.rk(), clientId, clientId, cityScope, cityScope, clientId, call.id(),
                        call.id(), call.phoneClient())
                .orElseThrow();
        try {
            return json.readValue(card, PopCard.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
