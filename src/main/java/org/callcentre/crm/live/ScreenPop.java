package org.callcentre.crm.live;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.calls.Call;
import org.callcentre.crm.clients.ClientCall;

import java.util.List;

/** {@code {"type":"screen-pop",…}}: what an operator needs on screen while the phone still rings. */
@Serdeable
public record ScreenPop(String type, Call call, PopCard.Client client, PopCard.Campaign campaign,
                        List<PopCard.Order> openOrders, List<ClientCall> recentCalls, PopCard.AvitoAd avitoAd) {

    static ScreenPop of(Call call, PopCard card) {
        return new ScreenPop("screen-pop", call, card.client(), card.campaign(), card.openOrders(), card.recentCalls(), card.avitoAd());
    }
}
