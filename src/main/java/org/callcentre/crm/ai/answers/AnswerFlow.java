package org.callcentre.crm.ai.answers;

import org.callcentre.crm.knowledge.KnowledgeIndex;

/**
 * The whole way from a question to what is sent, shared by {@code POST /api/ai/answer}, the
 * auto-responder and {@code eval-answers}, so the evaluation measures what runs: the rules and
 * retrieval decide ({@link AnswerDecider}); with a language model configured, the model may then
 * choose among the retrieved entries or hand off ({@link LlmClient#choose}) unless a hand-off rule
 * already fired (the never-alone guard stays in front of the model), and words the answer.
 */
public final class AnswerFlow {
    private final AnswerDecider decider;
    private final LlmClient llm;

    public AnswerFlow(AnswerDecider decider, LlmClient llm) {
        this.decider = decider;
        this.llm = llm;
    }

    public AnswerPolicy policy() {
        return decider.policy();
    }

    public AnswerDecision decide(KnowledgeIndex index, String question, String city) {
        AnswerDecision decision = decider.decide(index, question, city);
        if (!llm.configured() || decision.guarded()) {
            return decision;
        }
        decision = llm.choose(index, question, city, decision, decider.policy());
        if (decision.handoff()) {
            return decision;
        }
        return llm.answer(question, decision.reference()).map(decision::reworded).orElse(decision);
    }
}
