package org.callcentre.crm.knowledge;

import java.util.List;

/**
 * What retrieval needs of a knowledge-base entry: its question variants (training pairs linked to
 * it included), the answer to send, and the city it is for (null: every city).
 */
public record IndexedEntry(long id, String category, String title, List<String> questions, String answer, String city) {
}
