package org.callcentre.crm.calls.ingest;

/** What a call is attached to: found by extension, phone numbers and the campaigns table. */
public record CallLinks(Long operatorId, Long clientId, Long openOrderId, String rk, Long cityId,
                        String clientPhone, String companyPhone) {
}
