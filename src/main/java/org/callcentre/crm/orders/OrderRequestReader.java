package org.callcentre.crm.orders;

import jakarta.inject.Singleton;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.operators.OperatorRepository;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.PhoneNumbers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads an {@link OrderRequest} over a base — the defaults on create, the stored order on update —
 * so that an absent field keeps the base value and create and update validate alike.
 */
@Singleton
class OrderRequestReader {
    static final List<String> TYPES = List.of(OrderFields.FIRST_TIME, "repeat", "warranty");

    private final CityDirectory cities;
    private final OperatorRepository operators;
    private final OrderRepository orders;

    OrderRequestReader(CityDirectory cities, OperatorRepository operators, OrderRepository orders) {
        this.cities = cities;
        this.operators = operators;
        this.orders = orders;
    }

    OrderFields read(OrderFields base, OrderRequest r, Fields f) {
        String rk = r.rk() == null ? base.rk() : f.optional("rk", r.rk(), 100);
        Long cityId = r.city() == null ? base.cityId() : f.attempt("city", () -> cities.requireId("city", r.city()));
        f.check(cityId != null || f.has("city"), "city", "is required");
        String phone = r.phone() == null ? base.phone() : f.attempt("phone", () -> PhoneNumbers.require("phone", r.phone()));
        f.check(phone != null || f.has("phone"), "phone", "is required");
        String typeOrder = r.typeOrder() == null ? base.typeOrder() : f.oneOf("typeOrder", r.typeOrder(), TYPES, true);
        String clientName = r.clientName() == null ? base.clientName() : f.optional("clientName", r.clientName(), 200);
        String address = r.address() == null ? base.address() : f.optional("address", r.address(), 500);
        Instant dateMeeting = r.dateMeeting() == null ? base.dateMeeting()
                : f.attempt("dateMeeting", () -> dateMeeting(r.dateMeeting(), cities.zone(cityId)));
        String typeEquipment = r.typeEquipment() == null ? base.typeEquipment() : f.optional("typeEquipment", r.typeEquipment(), 200);
        String problem = r.problem() == null ? base.problem() : f.optional("problem", r.problem());
        Long operatorId = r.operatorNameId() == null ? base.operatorId() : r.operatorNameId();
        f.check(r.operatorNameId() == null || operators.findById(operatorId).isPresent(), "operatorNameId", "unknown operator");
        Long masterId = r.masterId() == null ? base.masterId() : r.masterId();
        f.check(r.masterId() == null || orders.masterExists(masterId), "masterId", "unknown master");
        BigDecimal result = r.result() == null ? base.result() : amount(f, "result", r.result());
        BigDecimal expenditure = r.expenditure() == null ? base.expenditure() : amount(f, "expenditure", r.expenditure());
        BigDecimal clean;
        if (r.clean() != null) {
            clean = f.money("clean", r.clean());
        } else if (r.result() != null || r.expenditure() != null) {
            clean = difference(result, expenditure);
        } else {
            clean = base.clean();
        }
        return new OrderFields(rk, cityId, phone, typeOrder, clientName, address, dateMeeting, typeEquipment, problem,
                operatorId, masterId, result, expenditure, clean);
    }

    /** An ISO date-time; without an offset it is the wall-clock time of the order's city. Blank clears it. */
    private static Instant dateMeeting(String text, ZoneId cityZone) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text.trim()).atZone(cityZone).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badField("dateMeeting", "must be an ISO date-time, e.g. 2025-03-01T14:30 or 2025-03-01T14:30+03:00");
            }
        }
    }

    private static BigDecimal amount(Fields f, String field, BigDecimal value) {
        f.check(value.signum() >= 0, field, "must not be negative");
        return f.money(field, value);
    }

    /** The master's takings less expenses; an amount not yet known counts as zero. */
    private static BigDecimal difference(BigDecimal result, BigDecimal expenditure) {
        if (result == null && expenditure == null) {
            return null;
        }
        return (result == null ? BigDecimal.ZERO : result).subtract(expenditure == null ? BigDecimal.ZERO : expenditure);
    }
}
