package org.callcentre.crm.shared;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** No read replica ({@code CRM_DB_READ_URL} unset): everything is read from the primary, nothing waits for replay. */
@Singleton
@Requires(missingProperty = ReadReplica.URL_PROPERTY)
public class PrimaryOnly implements ReplicaPosition {
    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public boolean usable() {
        return false;
    }

    @Override
    public long primaryPosition() {
        return 0;
    }

    @Override
    public long replayedPosition() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean replayed(long position) {
        return true;
    }
}
