package org.callcentre.crm.orders;

import org.callcentre.crm.auth.Actor;

/**
 * The client an order is for, found by phone or created on first contact. The clients feature keeps
 * them (its card lists a client's orders, so it depends on this package, not the other way round).
 */
public interface OrderClients {
    long findOrCreateByPhone(String e164, String name, Long cityId, Actor actor);
}
