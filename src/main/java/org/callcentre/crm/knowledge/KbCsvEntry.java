package org.callcentre.crm.knowledge;

import java.util.List;

/** One entry as the CSV file holds it: the rows sharing a title and city, one question variant each. */
public record KbCsvEntry(String category, String title, List<String> questions, String answer, String city) {
}
