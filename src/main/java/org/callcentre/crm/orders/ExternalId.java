package org.callcentre.crm.orders;

/**
 * An order's id in the system it came from. {@code source} is the namespace: each integration has
 * its own, so the same {@code id} from two integrations names two different orders.
 */
public record ExternalId(String source, String id) {
    public static final String AVITO_CHAT = "avito-chat";

    public static ExternalId avitoChat(long conversationId) {
        return new ExternalId(AVITO_CHAT, String.valueOf(conversationId));
    }

    public static ExternalId ofIntegration(long integrationId, String id) {
        return new ExternalId("api-key-" + integrationId, id);
    }
}
