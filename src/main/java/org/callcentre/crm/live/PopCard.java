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
 * @param avitoAd     the Avito ad the caller's number last called from, as Avito's call tracking reported it
 */
@Serdeable
public record PopCard(@Nullable Client client, @Nullable Campaign campaign, List<Order> openOrders,
                      List<ClientCall> recentCalls, @Nullable AvitoAd avitoAd) {

    /**
     * An ad as call tracking names it (title and link once Avito described it). Avito reports a call after it
     * ends, so while the phone rings this is the number's latest earlier Avito call ({@code thisCall} false);
     * the call page shows the ad of the call itself once its report is linked.
     */
    @Serdeable
    public record AvitoAd(String id, @Nullable String title, @Nullable String url, Instant calledAt, boolean thisCall) {
    }

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
