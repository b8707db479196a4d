package org.callcentre.crm.ai.handoffs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups questions that ask the same thing in different words, greedily: each question, in the
 * order given, joins the group whose centroid is most similar to it when that similarity reaches
 * {@value #JOIN_AT}, else starts a group of its own. A question is read as the knowledge base
 * reads it (its lemmas through the engine's own {@code terms}) and compared by cosine over a
 * vector of those lemmas (weight 1 each) and of their character trigrams (weight 1 per lemma,
 * shared among its trigrams), so that "стиралка"/"стиральная", a typo or another ending of one
 * word still meet. The groups come out largest first.
 */
final class QuestionGroups {
    static final double JOIN_AT = 0.45;
    private static final double TRIGRAM_WEIGHT = 1.0;

    record Group<T>(List<T> members) {
    }

    private QuestionGroups() {
    }

    static <T> List<Group<T>> of(List<T> items, Function<T, String> question, Function<String, List<String>> terms) {
        List<List<T>> members = new ArrayList<>();
        List<Map<String, Double>> centroids = new ArrayList<>();
        for (T item : items) {
            Map<String, Double> vector = vector(terms.apply(question.apply(item)));
            int best = -1;
            double bestSimilarity = JOIN_AT;
            for (int g = 0; g < centroids.size() && !vector.isEmpty(); g++) {
                double similarity = cosine(vector, centroids.get(g));
                if (similarity >= bestSimilarity) {
                    best = g;
                    bestSimilarity = similarity;
                }
            }
            if (best < 0) {
                members.add(new ArrayList<>(List.of(item)));
                centroids.add(new HashMap<>(vector));
            } else {
                members.get(best).add(item);
                Map<String, Double> centroid = centroids.get(best);
                vector.forEach((k, v) -> centroid.merge(k, v, Double::sum));
            }
        }
        List<Group<T>> groups = new ArrayList<>();
        members.forEach(m -> groups.add(new Group<>(List.copyOf(m))));
        // stable: of equal sizes, the group started first (by the newest question) comes first
        groups.sort((a, b) -> Integer.compare(b.members().size(), a.members().size()));
        return groups;
    }

    static Map<String, Double> vector(List<String> terms) {
        Map<String, Double> vector = new HashMap<>();
        for (String term : new LinkedHashSet<>(terms)) {
            vector.merge("w:" + term, 1.0, Double::sum);
            List<String> grams = trigrams(term);
            for (String gram : grams) {
                vector.merge("g:" + gram, TRIGRAM_WEIGHT / grams.size(), Double::sum);
            }
        }
        return vector;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static List<String> trigrams(String term) {
        String padded = " " + term + " ";
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }
}
