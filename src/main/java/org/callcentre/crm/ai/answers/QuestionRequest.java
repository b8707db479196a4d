package org.callcentre.crm.ai.answers;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record QuestionRequest(String question, String city) {
}
