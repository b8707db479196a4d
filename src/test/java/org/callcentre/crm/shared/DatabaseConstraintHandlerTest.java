package org.callcentre.crm.shared;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseConstraintHandlerTest {
    @Test
    void lostRacesAreConflictsAndBadValuesAreBadRequests() {
        assertEquals(HttpStatus.CONFLICT, DatabaseConstraintHandler.statusFor("23505"));
        assertEquals(HttpStatus.CONFLICT, DatabaseConstraintHandler.statusFor("23503"));
        assertEquals(HttpStatus.BAD_REQUEST, DatabaseConstraintHandler.statusFor("23514"));
        assertEquals(HttpStatus.BAD_REQUEST, DatabaseConstraintHandler.statusFor("22001"));
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, DatabaseConstraintHandler.statusFor("53300"));
    }
}
