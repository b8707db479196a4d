package org.callcentre.crm.ai.answers;

/** One line of an evaluation file: what a client asks, in which city, and the entry title or "handoff" expected. */
public record EvalQuestion(int line, String question, String city, String expected) {
    public static final String HANDOFF = "handoff";

    public boolean expectsHandoff() {
        return HANDOFF.equals(expected);
    }
}
