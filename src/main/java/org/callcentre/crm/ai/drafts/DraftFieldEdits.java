package org.callcentre.crm.ai.drafts;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One draft field over a period: how many generated drafts were accepted, and whether the operator
 * kept the field's value, changed it, filled it in where the draft had none, or neither had one.
 *
 * @param editedShare the share of accepted drafts whose field the operator had to change or fill in
 */
@Serdeable
public record DraftFieldEdits(String field, long accepted, long kept, long changed, long filled, long empty, double editedShare) {
    static DraftFieldEdits of(String field, long accepted, long kept, long changed, long filled, long empty) {
        return new DraftFieldEdits(field, accepted, kept, changed, filled, empty, accepted == 0 ? 0 : (double) (changed + filled) / accepted);
    }
}
