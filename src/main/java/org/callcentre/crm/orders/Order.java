package org.callcentre.crm.orders;

import java.time.Instant;

/** An orders row with its city's name. */
public record Order(long id, OrderFields fields, String city, Long clientId, String status, Long callId,
                    Instant createdAt, Instant updatedAt, Instant closedAt, Long cancelReasonId, String cancelReason) {

    public OrderView view() {
        return new OrderView(id, fields.rk(), city, fields.phone(), clientId, fields.typeOrder(), fields.clientName(),
                fields.address(), fields.dateMeeting(), fields.typeEquipment(), fields.problem(), status,
                fields.masterId(), fields.result(), fields.expenditure(), fields.clean(), fields.operatorId(), callId,
                createdAt, updatedAt, closedAt, cancelReasonId, cancelReason);
    }
}
