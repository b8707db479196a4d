package org.callcentre.crm.ai.answers;

/**
 * One line of an evaluation file: what a client asks, in which city, the entry title or "handoff"
 * expected, and the line's kind (ordinary, typo, near-miss-handoff…; "-" when the file has none).
 */
public record EvalQuestion(int line, String question, String city, String expected, String kind) {
    public static final String HANDOFF = "handoff";

    public boolean expectsHandoff() {
        return HANDOFF.equals(expected);
    }
}
