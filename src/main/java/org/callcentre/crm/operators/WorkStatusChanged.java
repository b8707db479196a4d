package org.callcentre.crm.operators;

/**
 * An operator chose working / break / offline. Published inside the transaction that records it;
 * listeners that talk to the PBX should act after commit
 * ({@code io.micronaut.transaction.annotation.TransactionalEventListener}).
 */
public record WorkStatusChanged(long operatorId, String sipAddress, String statusWork) {
}
