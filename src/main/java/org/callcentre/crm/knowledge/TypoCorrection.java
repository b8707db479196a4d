package org.callcentre.crm.knowledge;

import java.util.Collection;

/**
 * Maps a stem the knowledge base never uses onto the closest one it does, so "гаранитя" and
 * "холодилник" still meet their entries. One edit is allowed from five letters, two from eight
 * (optimal string alignment: a swap of neighbours is one edit); ties keep the first found.
 */
final class TypoCorrection {
    private TypoCorrection() {
    }

    static String correct(String term, Collection<String> vocabulary) {
        int allowed = term.length() >= 8 ? 2 : term.length() >= 5 ? 1 : 0;
        if (allowed == 0) {
            return term;
        }
        String best = term;
        int bestDistance = allowed + 1;
        for (String known : vocabulary) {
            if (Math.abs(known.length() - term.length()) > allowed) {
                continue;
            }
            int d = distance(term, known, allowed);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance, or {@code limit + 1} once it is certain to exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
