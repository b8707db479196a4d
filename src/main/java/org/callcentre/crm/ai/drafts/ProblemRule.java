package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.ai.language.SpokenNumbers;

import java.util.List;
import java.util.Set;

/**
 * What is wrong, read from the words after the appliance: a negated verb («не сливает воду»), «нет
 * …», or a fault verb («течёт», «искрит», «гудит»), with up to two words that complete it.
 */
final class ProblemRule {
    private static final List<String> FAULT_STEMS = RussianStems.stems(
            "течет протекает капает шумит гудит искрит пищит пахнет греется выключается ошибку медленно полосы покрывается выбивает залили искрит");
    /** Words that begin something else (an address, a date, a name), where the problem's words stop. */
    private static final Set<String> STOP = Set.of("улица", "ул", "проспект", "переулок", "шоссе", "бульвар", "набережная",
            "адрес", "дом", "квартира", "завтра", "сегодня", "послезавтра", "в", "во", "к", "меня", "можно", "приезжайте",
            "мастер", "пожалуйста", "когда", "при", "после", "и", "а", "но", "у", "это", "да", "вообще", "совсем");
    private static final int MAX_WORDS = 3;

    private ProblemRule() {
    }

    static DraftField find(Tokens t, int from) {
        for (int i = Math.max(0, from); i < t.size(); i++) {
            String w = t.word(i);
            boolean negation = (w.equals("не") || w.equals("нет")) && !STOP.contains(t.word(i + 1)) && !t.word(i + 1).isEmpty();
            boolean fault = FAULT_STEMS.contains(t.stem(i));
            if (!negation && !fault) {
                continue;
            }
            int end = i + 1;
            while (end < t.size() && end - i < MAX_WORDS && !STOP.contains(t.word(end)) && !isNumberOrPlace(t, end)) {
                end++;
            }
            String phrase = t.span(i, end);
            return new DraftField(phrase, phrase);
        }
        return null;
    }

    private static boolean isNumberOrPlace(Tokens t, int i) {
        return SpokenNumbers.cardinal(t.words(), i) != null || SpokenNumbers.ordinal(t.words(), i) != null;
    }
}
