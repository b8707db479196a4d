package org.callcentre.crm.ai.replies;

import io.micronaut.serde.annotation.Serdeable;

/** What "/" in the reply box offers: an operator template or a knowledge-base entry's answer. */
@Serdeable
public record QuickReply(Source source, long id, String title, String text) {
    public enum Source {
        template, knowledge
    }
}
