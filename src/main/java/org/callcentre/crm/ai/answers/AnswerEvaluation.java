package org.callcentre.crm.ai.answers;

import org.callcentre.crm.knowledge.KnowledgeIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks every question of an evaluation set and counts, at the policy's threshold:
 * precision = right answers / answers sent; coverage = answers sent to answerable questions /
 * answerable questions; wrong-answer rate = wrong answers sent / all questions; missed hand-offs =
 * "handoff" items that got an answer. A wrong answer is one from another entry than expected.
 */
public final class AnswerEvaluation {

    public record Outcome(EvalQuestion question, AnswerDecision decision) {
        boolean sent() {
            return !decision.handoff();
        }

        boolean right() {
            return sent() && !question.expectsHandoff() && question.expected().equalsIgnoreCase(decision.title());
        }
    }

    public record Report(int questions, int answerable, int handoffItems, int sent, int right, int sentToAnswerable,
                         int missedHandoffs, List<Outcome> mistakes, List<Outcome> notAnswered) {
        public double precision() {
            return sent == 0 ? 0 : (double) right / sent;
        }

        public double coverage() {
            return answerable == 0 ? 0 : (double) sentToAnswerable / answerable;
        }

        public double wrongAnswerRate() {
            return questions == 0 ? 0 : (double) (sent - right) / questions;
        }
    }

    private AnswerEvaluation() {
    }

    public static Report run(AnswerDecider decider, KnowledgeIndex index, List<EvalQuestion> questions) {
        int answerable = 0;
        int sent = 0;
        int right = 0;
        int sentToAnswerable = 0;
        int missedHandoffs = 0;
        List<Outcome> mistakes = new ArrayList<>();
        List<Outcome> notAnswered = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Outcome outcome = new Outcome(q, decider.decide(index, q.question(), q.city()));
            answerable += q.expectsHandoff() ? 0 : 1;
            if (outcome.sent()) {
                sent++;
                right += outcome.right() ? 1 : 0;
                sentToAnswerable += q.expectsHandoff() ? 0 : 1;
                missedHandoffs += q.expectsHandoff() ? 1 : 0;
                if (!outcome.right()) {
                    mistakes.add(outcome);
                }
            } else if (!q.expectsHandoff()) {
                notAnswered.add(outcome);
            }
        }
        return new Report(questions.size(), answerable, questions.size() - answerable, sent, right, sentToAnswerable,
                missedHandoffs, mistakes, notAnswered);
    }
}
