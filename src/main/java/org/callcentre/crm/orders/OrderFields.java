package org.callcentre.crm.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a caller may set on an order; status, client link and timestamps are the service's business. */
public record OrderFields(String rk, Long cityId, String phone, String typeOrder, String clientName, String address,
                          Instant dateMeeting, String typeEquipment, String problem, Long operatorId, Long masterId,
                          BigDecimal result, BigDecimal expenditure, BigDecimal clean) {

    public static final String FIRST_TIME = "first_time";

    /** A website lead: what a visitor can tell about themselves. */
    public static OrderFields lead(String rk, long cityId, String phone, String clientName, String address, String problem) {
        return new OrderFields(rk, cityId, phone, FIRST_TIME, clientName, address, null, null, problem, null, null,
                null, null, null);
    }

    /** The fields by their API names, for the audit log. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rk", rk);
        map.put("cityId", cityId);
        map.put("phone", phone);
        map.put("typeOrder", typeOrder);
        map.put("clientName", clientName);
        map.put("address", address);
        map.put("dateMeeting", dateMeeting);
        map.put("typeEquipment", typeEquipment);
        map.put("problem", problem);
        map.put("operatorNameId", operatorId);
        map.put("masterId", masterId);
        map.put("result", result);
        map.put("expenditure", expenditure);
        map.put("clean", clean);
        return map;
    }
}
