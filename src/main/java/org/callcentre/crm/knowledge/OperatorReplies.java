package org.callcentre.crm.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Operators' chat replies as extra question variants: when what an operator answered repeats an
 * entry's answer (at least {@value #MIN_OVERLAP} of the two texts' lemmas in common, Jaccard), the
 * client's question becomes one more variant of that entry, so a question an operator answered by
 * the book is answered by the AI next time. A reply like no entry's stays out.
 */
final class OperatorReplies {
    static final double MIN_OVERLAP = 0.6;

    private OperatorReplies() {
    }

    /** {@code entries} with each reply's question (replies as {question, answer}) added to the entry its answer repeats. */
    static List<IndexedEntry> asVariants(List<IndexedEntry> entries, List<String[]> replies) {
        if (replies.isEmpty() || entries.isEmpty()) {
            return entries;
        }
        TextTerms reader = new TextTerms(Lexicon.load(null));
        List<Set<String>> answers = entries.stream().map(e -> Set.copyOf(reader.terms(e.answer()))).toList();
        List<List<String>> added = new ArrayList<>();
        entries.forEach(e -> added.add(new ArrayList<>()));
        for (String[] reply : replies) {
            Set<String> said = Set.copyOf(reader.terms(reply[1]));
            int best = -1;
            double bestOverlap = MIN_OVERLAP;
            for (int i = 0; i < answers.size(); i++) {
                double overlap = jaccard(said, answers.get(i));
                if (overlap >= bestOverlap) {
                    best = i;
                    bestOverlap = overlap;
                }
            }
            if (best >= 0) {
                added.get(best).add(reply[0]);
            }
        }
        List<IndexedEntry> result = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            IndexedEntry e = entries.get(i);
            if (added.get(i).isEmpty()) {
                result.add(e);
            } else {
                List<String> questions = new ArrayList<>(e.questions());
                questions.addAll(added.get(i));
                result.add(new IndexedEntry(e.id(), e.category(), e.title(), questions, e.answer(), e.city()));
            }
        }
        return result;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}
