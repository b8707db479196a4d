package org.callcentre.crm.ai.answers;

import org.callcentre.crm.knowledge.KnowledgeIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks every question of an evaluation set through {@link AnswerFlow} and scores by the rules of
 * ai-eval-rules.md: the title used against {@code expected} (exact, trimmed); precision = right
 * answers / answers sent (answers to "handoff" lines count as wrong); coverage = right answers /
 * answerable lines; a "handoff" line answered is a missed hand-off. The same figures per kind of line.
 */
public final class AnswerEvaluation {

    public record Outcome(EvalQuestion question, AnswerDecision decision, long nanos) {
        boolean sent() {
            return !decision.handoff();
        }

        boolean right() {
            return sent() && !question.expectsHandoff() && question.expected().trim().equals(decision.title().trim());
        }

        /** Whether retrieval's confidence decided (no hand-off rule fired): the lines of the reliability table. */
        boolean decidedByConfidence() {
            return !decision.guarded() && !decision.sources().isEmpty();
        }

        /** Retrieval's best entry was the expected one: what its confidence predicts (the reliability table). */
        boolean bestIsExpected() {
            return !decision.sources().isEmpty() && question.expected().trim().equals(decision.sources().get(0).title().trim());
        }
    }

    /** Counts of one group of lines (all, or one kind). */
    public record Counts(int questions, int answerable, int handoffItems, int sent, int right, int missedHandoffs) {
        public double precision() {
            return sent == 0 ? 0 : (double) right / sent;
        }

        public double coverage() {
            return answerable == 0 ? 0 : (double) right / answerable;
        }

        public double wrongAnswerRate() {
            return questions == 0 ? 0 : (double) (sent - right) / questions;
        }

        static Counts of(List<Outcome> outcomes) {
            int answerable = 0;
            int sent = 0;
            int right = 0;
            int missed = 0;
            for (Outcome o : outcomes) {
                answerable += o.question().expectsHandoff() ? 0 : 1;
                sent += o.sent() ? 1 : 0;
                right += o.right() ? 1 : 0;
                missed += o.sent() && o.question().expectsHandoff() ? 1 : 0;
            }
            return new Counts(outcomes.size(), answerable, outcomes.size() - answerable, sent, right, missed);
        }
    }

    public record Report(Counts all, Map<String, Counts> byKind, List<Outcome> outcomes) {
        public List<Outcome> mistakes() {
            return outcomes.stream().filter(o -> o.sent() && !o.right()).toList();
        }

        public List<Outcome> notAnswered() {
            return outcomes.stream().filter(o -> !o.sent() && !o.question().expectsHandoff()).toList();
        }
    }

    private AnswerEvaluation() {
    }

    public static Report run(AnswerFlow flow, KnowledgeIndex index, List<EvalQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
        for (EvalQuestion q : questions) {
            long started = System.nanoTime();
            AnswerDecision decision = flow.decide(index, q.question(), q.city());
            Outcome outcome = new Outcome(q, decision, System.nanoTime() - started);
            outcomes.add(outcome);
            byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(outcome);
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        byKind.forEach((kind, list) -> counts.put(kind, Counts.of(list)));
        return new Report(Counts.of(outcomes), counts, outcomes);
    }
}
