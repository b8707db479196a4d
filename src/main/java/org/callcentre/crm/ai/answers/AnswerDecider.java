package org.callcentre.crm.ai.answers;

import org.callcentre.crm.knowledge.Candidate;
import org.callcentre.crm.knowledge.KnowledgeIndex;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one decision behind {@code POST /api/ai/answer}, the auto-responder and the evaluation
 * command: plain retrieval and rules, no database, so the evaluation measures exactly what runs.
 * The rules that send a chat to a person come first (an intent of {@link HandoffIntent}, a
 * configured keyword, a city the knowledge base does not serve); only then may retrieval answer.
 */
public final class AnswerDecider {
    private static final int SOURCES = 3;
    private static final double CLOSE_RUNNER_UP = 0.5;
    private static final double ELSEWHERE_FLOOR = 0.4;

    private final AnswerPolicy policy;

    public AnswerDecider(AnswerPolicy policy) {
        this.policy = policy;
    }

    public AnswerPolicy policy() {
        return policy;
    }

    public AnswerDecision decide(KnowledgeIndex index, String question, String city) {
        List<Candidate> candidates = index.search(question, city, SOURCES);
        List<AnswerSource> sources = candidates.stream()
                .map(c -> new AnswerSource(c.entryId(), c.title(), c.category(), round(c.confidence()))).toList();
        double confidence = round(confidence(candidates));
        Optional<HandoffIntent> intent = personalIntent(question, candidates);
        if (intent.isPresent()) {
            return AnswerDecision.handoff(intent.get().reason(), confidence, sources);
        }
        if (policy.neverAloneKeywordIn(question) != null) {
            return AnswerDecision.handoff(AnswerDecision.NEVER_ALONE_KEYWORD, confidence, sources);
        }
        if (city != null && !city.isBlank() && !index.serves(city)) {
            return AnswerDecision.handoff(AnswerDecision.CITY_NOT_SERVED, confidence, sources);
        }
        if (city != null && !city.isBlank() && onlyElsewhere(index, question, city)) {
            return AnswerDecision.handoff(AnswerDecision.NOT_IN_CITY, confidence, sources);
        }
        if (candidates.isEmpty()) {
            return AnswerDecision.handoff(AnswerDecision.NO_MATCH, 0, sources);
        }
        Candidate best = candidates.get(0);
        if (policy.personMustAnswerCategory(best.category())) {
            return AnswerDecision.handoff(AnswerDecision.NEVER_ALONE_CATEGORY, confidence, sources);
        }
        if (confidence < policy.threshold()) {
            return AnswerDecision.handoff(AnswerDecision.LOW_CONFIDENCE, confidence, sources);
        }
        String reference = candidates.stream().filter(c -> c.confidence() >= confidence)
                .filter(c -> !policy.personMustAnswerCategory(c.category()))
                .map(c -> c.title() + ": " + c.answer()).collect(Collectors.joining("\n"));
        return new AnswerDecision(best.answer(), best.title(), confidence, false, AnswerDecision.ANSWERED, sources,
                best.entryId(), false, reference);
    }

    /**
     * How sure the decision is of the best entry: its score, lowered as the runner-up entry comes
     * near it, by 1 − max(0, second/best − {@value #CLOSE_RUNNER_UP}): a runner-up at half the best
     * score or less changes nothing, one as good as the best halves it. When two entries read the
     * question about as well, the words did not tell them apart and the best is a coin toss (on the
     * dev sets the best entry was right in 92–96 % of lines with a runner-up under 0.7 of it, 33–45 %
     * above 0.85).
     */
    static double confidence(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        double best = candidates.get(0).confidence();
        double second = candidates.size() > 1 ? candidates.get(1).confidence() : 0;
        return best <= 0 ? 0 : best * (1 - Math.max(0, second / best - CLOSE_RUNNER_UP));
    }

    /**
     * The first intent a person must handle; a service outside the base's scope (installation,
     * sales…) does not count when the best entry is itself about it ("Вывоз мусора" answers
     * "вывезете мусор?").
     */
    private static Optional<HandoffIntent> personalIntent(String question, List<Candidate> candidates) {
        HandoffIntent.Message text = HandoffIntent.read(question);
        String bestEntry = candidates.isEmpty() ? ""
                : HandoffIntent.fold(candidates.get(0).title() + " " + candidates.get(0).matchedQuestion());
        for (HandoffIntent intent : HandoffIntent.values()) {
            if (intent.in(text) && !(intent == HandoffIntent.OUT_OF_SCOPE && intent.in(bestEntry))) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the question is about a service the base gives city by city ("Адрес мастерской:
     * Казань", "Выездной шиномонтаж: Тюмень") and {@code city} has no entry of it: another city's
     * entry fits the question better than anything {@code city} has (and fits it at all,
     * {@value #ELSEWHERE_FLOOR}), and no entry of {@code city} bears that title once the city's name
     * is taken out. Left alone, retrieval would answer with a general entry, or with nothing.
     */
    private static boolean onlyElsewhere(KnowledgeIndex index, String question, String city) {
        String here = HandoffIntent.fold(city);
        List<Candidate> everywhere = index.searchEveryCity(withoutCityNames(index, question));
        double bestHere = everywhere.stream().filter(c -> c.city() == null || HandoffIntent.fold(c.city()).equals(here))
                .mapToDouble(Candidate::confidence).findFirst().orElse(0);
        Set<String> kinds = index.titlesFor(city).stream().map(t -> kindOf(t, city)).collect(Collectors.toSet());
        Set<String> citiesSeen = new HashSet<>();
        for (Candidate c : everywhere) {
            if (c.confidence() <= bestHere || c.confidence() < ELSEWHERE_FLOOR) {
                return false;
            }
            // each other city's best entry decides for that city, as if it alone were asked
            if (c.city() != null && citiesSeen.add(HandoffIntent.fold(c.city())) && !kinds.contains(kindOf(c.title(), c.city()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The question without the words that name a city of the base: "в Ярославле есть офис?" is
     * compared as "есть офис?", or the city's own zone entry, which names the city, wins on the name.
     */
    private static String withoutCityNames(KnowledgeIndex index, String question) {
        Set<String> names = index.cities().stream().flatMap(c -> index.terms(c).stream()).collect(Collectors.toSet());
        StringBuilder kept = new StringBuilder();
        for (String word : question.split("[^\\p{L}\\p{N}-]+")) {
            List<String> terms = index.terms(word);
            if (terms.isEmpty() || !names.containsAll(terms)) {
                kept.append(word).append(' ');
            }
        }
        return kept.toString().trim();
    }

    /** A city entry's title without its city: "Зона выезда: Пермь" is "зона выезда". */
    private static String kindOf(String title, String city) {
        return HandoffIntent.fold(title).replace(HandoffIntent.fold(city).trim(), " ").replaceAll("\\s+", " ").trim();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
