package org.callcentre.crm.ai.handoffs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Open hand-offs that ask the same thing: how many, the newest of them (up to {@value HandoffReview#SAMPLES}),
 * the hand-off reasons counted, and the entry the knowledge base finds closest for most of them.
 *
 * @param candidate null when the base has no entry near any of them
 */
@Serdeable
public record HandoffGroup(int count, List<HandoffQuestion> questions, Map<String, Integer> reasons,
                           @Nullable Candidate candidate) {

    /** The closest entry: its id and title, its best confidence over the group, and for how many questions it came first. */
    @Serdeable
    public record Candidate(long entryId, String title, @Nullable String city, double confidence, int votes) {
    }
}
