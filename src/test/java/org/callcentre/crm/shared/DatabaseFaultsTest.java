package org.callcentre.crm.shared;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFaultsTest {
    @Test
    void deadlocksAndSerializationFailuresAreRetriedOtherErrorsAreNot() {
        assertTrue(DatabaseFaults.lockConflict(new DataAccessException("x", new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseFaults.lockConflict(new RuntimeException(new DataAccessException("x", new SQLException("could not serialize", "40001")))));
        assertFalse(DatabaseFaults.lockConflict(new DataAccessException("x", new SQLException("unique violation", "23505"))));
        assertFalse(DatabaseFaults.lockConflict(new IllegalStateException("no SQL at all")));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsWaitedOutBadStatementsAreNot() {
        assertTrue(DatabaseFaults.unreachable(new DataAccessException("x", new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseFaults.unreachable(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseFaults.unreachable(new RuntimeException(new SQLTransientConnectionException("pool timed out"))));
        assertTrue(DatabaseFaults.unreachable(new ConnectionException("Could not set read-only", new SQLException("Connection is closed"))));
        assertFalse(DatabaseFaults.unreachable(new DataAccessException("x", new SQLException("unique violation", "23505"))));
        assertFalse(DatabaseFaults.unreachable(new IllegalStateException("no SQL at all")));
    }
}
