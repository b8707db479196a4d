package org.callcentre.crm.ai.answers;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When the AI may answer alone: the best entry's confidence reaches {@code threshold}, the entry's
 * category is not one a person must handle, and the question holds none of the words that mark a
 * complaint, a dispute, a threat or personal data. A keyword matches at the start of a word, so
 * "жалоб" catches "жалоба" and "жалобу"; case and ё/е do not matter.
 */
public record AnswerPolicy(double threshold, List<String> neverAloneCategories, List<String> neverAloneKeywords) {

    public AnswerPolicy {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("crm.ai.threshold must be between 0 and 1, was " + threshold);
        }
        neverAloneCategories = neverAloneCategories.stream().map(AnswerPolicy::normalised).filter(s -> !s.isEmpty()).toList();
        neverAloneKeywords = neverAloneKeywords.stream().map(AnswerPolicy::normalised).filter(s -> !s.isEmpty()).toList();
    }

    public boolean personMustAnswerCategory(String category) {
        return category != null && neverAloneCategories.contains(normalised(category));
    }

    /** The first never-alone keyword in the question, or null. */
    public String neverAloneKeywordIn(String question) {
        String text = normalised(question);
        for (String keyword : neverAloneKeywords) {
            if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(keyword)).matcher(text).find()) {
                return keyword;
            }
        }
        return null;
    }

    static String normalised(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }
}
