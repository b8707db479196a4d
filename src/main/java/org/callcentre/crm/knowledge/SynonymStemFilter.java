package org.callcentre.crm.knowledge;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/** Replaces a stem by the first stem of its synonym group, so "стоимость" and "цена" are one term. */
final class SynonymStemFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final SynonymStems synonyms;

    SynonymStemFilter(TokenStream input, SynonymStems synonyms) {
        super(input);
        this.synonyms = synonyms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String canonical = synonyms.canonical(term.toString());
        if (canonical != null) {
            term.setEmpty().append(canonical);
        }
        return true;
    }
}
