package org.callcentre.crm.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.clients.ClientCall;
import org.callcentre.crm.clients.ClientNote;

import java.time.Instant;
import java.util.List;

/**
 * The caller's side of a screen-pop, read by {@link ScreenPopRepository} in one statement.
 *
 * @param openOrders  the client's orders in new / assigned / in_progress, within the operator's city scope
 * @param recentCalls the client's latest calls other than the ringing one
 */
@Serdeable
public record PopCard(@Nullable Client client, @Nullable Campaign campaign, List<Order> openOrders,
                      List<ClientCall> recentCalls) {

    /**
     * @param vip        a client the centre treats with care, shown in colour
     * @param doNotServe a client the centre refuses (abuse, fraud), shown in warning colour
     * @param notes      the latest few, newest first
     */
    @Serdeable
    public record Client(long id, @Nullable String name, List<String> phones, List<String> tags, boolean vip,
                         boolean doNotServe, List<ClientNote> notes) {
    }

    /** The campaign of the dialled company number. */
    @Serdeable
    public record Campaign(String rk, String city, String source) {
    }

    /** An open order at a glance; the full order is one {@code GET /api/orders/{id}} away. */
    @Serdeable
    public record Order(long id, @Nullable String rk, String city, String status, String typeOrder,
                        @Nullable String typeEquipment, @Nullable String problem, @Nullable String address,
                        @Nullable Instant dateMeeting, Instant createdAt) {
    }
}
