package org.callcentre.crm.ai.handoffs;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.knowledge.Candidate;
import org.callcentre.crm.knowledge.KbEntry;
import org.callcentre.crm.knowledge.KnowledgeBase;
import org.callcentre.crm.knowledge.KnowledgeIndex;
import org.callcentre.crm.knowledge.KnowledgeService;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.DateRange;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The supervisors' improvement loop: the questions the AI handed to a person, grouped by what they
 * ask ({@link QuestionGroups}, on the knowledge base's own reading of words), each group with the
 * entry the base finds closest; one of them added as a variant of an entry leaves the list.
 */
@Singleton
class HandoffReview {
    static final int SAMPLES = 5;
    /** The newest open hand-offs grouped at once: enough for weeks of a city's chats, small enough to group on a request. */
    private static final int MAX_GROUPED = 1000;

    private final HandoffRepository handoffs;
    private final KnowledgeBase knowledge;
    private final KnowledgeService entries;
    private final CityDirectory cities;
    private final AuditLog audit;

    HandoffReview(HandoffRepository handoffs, KnowledgeBase knowledge, KnowledgeService entries, CityDirectory cities,
                  AuditLog audit) {
        this.handoffs = handoffs;
        this.knowledge = knowledge;
        this.entries = entries;
        this.cities = cities;
        this.audit = audit;
    }

    @Transactional
    public List<HandoffGroup> groups(String city, String dateFrom, String dateTo, Actor actor) {
        Fields f = new Fields();
        Long cityId = f.attempt("city", () -> cities.optionalId("city", city));
        f.throwIfAny();
        DateRange period = DateRange.parse(dateFrom, dateTo, cities.defaultZone());
        Long scope = actor.cityScope();
        if (scope != null) {
            if (cityId != null && !cityId.equals(scope)) {
                throw ApiException.forbidden("Hand-offs of another city are not yours to review");
            }
            cityId = scope;
        }
        KnowledgeIndex index = knowledge.index();
        List<HandoffQuestion> open = handoffs.open(period.from(), period.toExclusive(), cityId, MAX_GROUPED);
        List<HandoffGroup> groups = new ArrayList<>();
        for (QuestionGroups.Group<HandoffQuestion> g : QuestionGroups.of(open, HandoffQuestion::question, index::terms)) {
            Map<String, Integer> reasons = new TreeMap<>();
            g.members().forEach(q -> reasons.merge(q.reason(), 1, Integer::sum));
            groups.add(new HandoffGroup(g.members().size(), g.members().stream().limit(SAMPLES).toList(), reasons,
                    closestEntry(index, g.members())));
        }
        return groups;
    }

    /** The entry that comes first for most of the group's questions (ties: the higher confidence). */
    private static HandoffGroup.Candidate closestEntry(KnowledgeIndex index, List<HandoffQuestion> members) {
        Map<Long, HandoffGroup.Candidate> votes = new LinkedHashMap<>();
        for (HandoffQuestion q : members) {
            for (Candidate c : index.search(q.question(), q.city(), 1)) {
                votes.merge(c.entryId(), new HandoffGroup.Candidate(c.entryId(), c.title(), c.city(), c.confidence(), 1),
                        (a, b) -> new HandoffGroup.Candidate(a.entryId(), a.title(), a.city(),
                                Math.max(a.confidence(), b.confidence()), a.votes() + 1));
            }
        }
        return votes.values().stream().max((a, b) -> a.votes() != b.votes() ? Integer.compare(a.votes(), b.votes())
                : Double.compare(a.confidence(), b.confidence())).orElse(null);
    }

    /**
     * Adds the hand-off's question (or the reviewer's wording of it) to the entry's variants and
     * closes the hand-off. The entry must answer the question's city: one for every city, or for
     * that city. Adding it again to the same entry changes nothing; to another entry is a 409.
     */
    @Transactional
    public VariantAdded addVariant(long answerId, VariantRequest request, Actor actor) {
        HandoffRepository.Stored stored = handoffs.find(answerId)
                .filter(s -> s.handoff() && !s.suggestion())
                .orElseThrow(() -> ApiException.notFound("Hand-off " + answerId));
        Long scope = actor.cityScope();
        if (scope != null && !Objects.equals(scope, stored.cityId()) && stored.cityId() != null) {
            throw ApiException.notFound("Hand-off " + answerId);
        }
        Fields f = new Fields();
        Integer entryId = JsonValues.integer(f, "entryId", request == null ? null : request.entryId());
        f.check(entryId != null || f.has("entryId"), "entryId", "is required");
        String question = f.optional("question", request == null ? null : request.question());
        f.throwIfAny();
        KbEntry entry = f.attempt("entryId", () -> entries.get(entryId));
        f.throwIfAny();
        String questionCity = stored.question().city();
        f.check(entry.city() == null || entry.city().equals(questionCity), "entryId",
                "the entry is for " + entry.city() + " only, the question came from " + (questionCity == null ? "no city" : questionCity));
        f.throwIfAny();
        if (stored.variantEntryId() != null) {
            if (stored.variantEntryId().longValue() != entryId) {
                throw ApiException.conflict("Hand-off " + answerId + " was already added to entry " + stored.variantEntryId());
            }
            return new VariantAdded(answerId, question == null ? stored.question().question() : question, entries.get(entryId));
        }
        String variant = question == null ? stored.question().question() : question;
        KbEntry updated = entries.addVariant(entryId, variant, actor);
        handoffs.markAdded(answerId, entryId);
        audit.record(actor, "update", "ai_answer", answerId, new Changes().set("variantEntryId", entryId).set("variant", variant).asMap());
        return new VariantAdded(answerId, variant, updated);
    }
}
