package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;

import static org.callcentre.crm.ai.drafts.DraftReview.Field.ADDRESS;
import static org.callcentre.crm.ai.drafts.DraftReview.Field.VISIT_DATE;
import static org.callcentre.crm.ai.drafts.DraftReview.Outcome.CHANGED;
import static org.callcentre.crm.ai.drafts.DraftReview.Outcome.EMPTY;
import static org.callcentre.crm.ai.drafts.DraftReview.Outcome.FILLED;
import static org.callcentre.crm.ai.drafts.DraftReview.Outcome.KEPT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an operator did with a draft field: kept, changed, filled in, or neither had a value. */
class DraftReviewTest {
    @Test
    void aFieldIsKeptChangedFilledOrEmpty() {
        assertEquals(KEPT, DraftReview.outcome(ADDRESS, "ул. Мира, д. 3", " ул. мира,  д. 3"));
        assertEquals(CHANGED, DraftReview.outcome(ADDRESS, "ул. Мира, д. 3", "ул. Мира, д. 3А"));
        assertEquals(FILLED, DraftReview.outcome(ADDRESS, null, "ул. Мира, д. 3"));
        assertEquals(EMPTY, DraftReview.outcome(ADDRESS, null, " "));
        assertEquals(CHANGED, DraftReview.outcome(ADDRESS, "ул. Мира, д. 3", null));
    }

    @Test
    void aVisitDayIsKeptWhenTheOrderIsBookedThatDay() {
        assertEquals(KEPT, DraftReview.outcome(VISIT_DATE, "2026-03-11", "2026-03-11T09:00"));
        assertEquals(KEPT, DraftReview.outcome(VISIT_DATE, "2026-03-11T14:00", "2026-03-11T14:00"));
        assertEquals(CHANGED, DraftReview.outcome(VISIT_DATE, "2026-03-11T14:00", "2026-03-11T16:00"));
        assertEquals(CHANGED, DraftReview.outcome(VISIT_DATE, "2026-03-11", "2026-03-12T09:00"));
    }
}
