package org.callcentre.crm.telephony.ami;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiLockConflictTest {
    @Test
    void deadlocksAndSerializationFailuresAreRetriedOtherErrorsAreNot() {
        assertTrue(AmiEventWorker.isLockConflict(new DataAccessException("x", new SQLException("deadlock detected", "40P01"))));
        assertTrue(AmiEventWorker.isLockConflict(new RuntimeException(new DataAccessException("x", new SQLException("could not serialize", "40001")))));
        assertFalse(AmiEventWorker.isLockConflict(new DataAccessException("x", new SQLException("unique violation", "23505"))));
        assertFalse(AmiEventWorker.isLockConflict(new IllegalStateException("no SQL at all")));
    }
}
