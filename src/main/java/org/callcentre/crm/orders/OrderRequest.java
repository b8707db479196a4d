package org.callcentre.crm.orders;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * Create and update body; on update an absent field keeps its value. {@code status} is changed
 * only by update: every order starts as {@code new}.
 */
@Serdeable
public record OrderRequest(String rk, String city, String phone, String typeOrder, String clientName, String address,
                           String dateMeeting, String typeEquipment, String problem, Long operatorNameId,
                           String status, Long masterId, BigDecimal result, BigDecimal expenditure, BigDecimal clean,
                           Long cancelReasonId) {
}
