package org.callcentre.crm.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.security.Principal;
import java.time.Duration;
import java.util.Set;

/**
 * Where each user's last change through the API left the primary's WAL: until the read replica has replayed
 * that far, the user's own reads go to the primary, so nobody misses what they have just saved. Kept no longer
 * than the replica may lag plus two probes: a replica further behind is not read from at all
 * ({@link ReadReplica#usable()}). Per node: a user whose next request lands on another node may see the
 * replica's state there, up to the stated staleness.
 */
@ServerFilter("/api/**")
@Requires(property = ReadReplica.URL_PROPERTY)
class OwnWrites {
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ReplicaPosition replica;
    private final Cache<String, Long> lastWrite;

    OwnWrites(ReplicaPosition replica, @Value("${crm.db.read.max-lag:5s}") Duration maxLag,
              @Value("${crm.db.read.probe-interval:1s}") Duration probeInterval) {
        this.replica = replica;
        this.lastWrite = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(maxLag.plus(probeInterval.multipliedBy(2))).build();
    }

    /** After the request's transactions committed: its changes are at or below the primary's position now. */
    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void afterChange(HttpRequest<?> request) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        request.getUserPrincipal().map(Principal::getName).ifPresent(login -> {
            try {
                lastWrite.asMap().merge(login, replica.primaryPosition(), Math::max);
            } catch (RuntimeException primaryAway) {
                // the change itself could not have been written either
            }
        });
    }

    /** Whether {@code login}'s own changes are on the replica (true for someone who changed nothing lately). */
    boolean replayedFor(String login) {
        Long position = lastWrite.getIfPresent(login);
        if (position == null) {
            return true;
        }
        if (replica.replayed(position)) {
            lastWrite.asMap().remove(login, position);
            return true;
        }
        return false;
    }
}
