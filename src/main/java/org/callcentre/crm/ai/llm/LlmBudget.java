package org.callcentre.crm.ai.llm;

import java.io.IOException;

/** What may be sent to the language model: asked before every request, with the characters it carries. */
@FunctionalInterface
public interface LlmBudget {
    /** @throws IOException when the request must not be sent; callers keep their offline result, as for any failure */
    void spend(int characters) throws IOException;
}
