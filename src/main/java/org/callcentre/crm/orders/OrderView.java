package org.callcentre.crm.orders;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;

@Serdeable
public record OrderView(long id, String rk, String city, String phone, Long clientId, String typeOrder,
                        String clientName, String address, Instant dateMeeting, String typeEquipment, String problem,
                        String status, Long masterId, BigDecimal result, BigDecimal expenditure, BigDecimal clean,
                        Long operatorNameId, Long callId, Instant createdAt, Instant updatedAt, Instant closedAt,
                        Long cancelReasonId, String cancelReason) {
}
