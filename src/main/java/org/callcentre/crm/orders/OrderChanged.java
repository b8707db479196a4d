package org.callcentre.crm.orders;

/**
 * An order was created or changed. Published inside the transaction that wrote it, so that
 * listeners keeping figures derived from orders commit or roll back with it.
 */
public record OrderChanged(long orderId) {
}
