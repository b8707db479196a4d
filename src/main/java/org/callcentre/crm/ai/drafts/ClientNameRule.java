package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Morphology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The caller's first name, with the patronymic when one follows, from what the caller says about
 * themself: the answer to «как вас зовут» / «ваше имя» / «как к вам обращаться» / «на кого запись»,
 * or «меня зовут ольга», «меня ольга зовут», «это мария». Whether a word is a first name, a
 * patronymic or a surname comes from the dictionary's tags ({@code NN:Name}, {@code NN:Patr},
 * {@code NN:Fam}). The operator's own name from the greeting is never taken (the first operator turn
 * when turns are labelled; when not, the first name among the opening words if a greeting follows it). Right after the question, a word
 * the dictionary does not tag as a name is taken when it is unknown to it, an animate noun, or said twice
 * («лиана лиана», as operators repeat a name). A refusal («не скажу»,
 * «обойдемся без имени», «по фамилии») or a surname alone gives no name.
 */
final class ClientNameRule {
    private static final List<List<String>> QUESTIONS = List.of(List.of("как", "вас", "зовут"), List.of("как", "зовут", "вас"),
            List.of("как", "зовут"), List.of("ваше", "имя"), List.of("имя", "ваше"), List.of("как", "к", "вам", "обращаться"),
            List.of("как", "вас", "записать"), List.of("как", "вас", "величать"), List.of("на", "кого", "запись"),
            List.of("на", "кого", "записать"), List.of("на", "кого", "оформить"), List.of("представьтесь"), List.of("имя"));
    /** Words an answer may start with before the name itself. */
    private static final Set<String> FILLERS = Set.of("ну", "меня", "я", "зовут", "это", "а", "так", "да", "записывайте",
            "запишите", "пишите", "имя", "мое", "моё", "ээ", "э", "эм", "вот", "можно", "просто", "ваше", "пожалуйста",
            // «алло зовите сергей», «значит зовите лариса», «на кого записать заявку … екатерина»
            "алло", "зовите", "называйте", "значит", "заявку", "заявка", "мм", "ммм", "угу", "ага", "лучше");
    /** Words that start a refusal or a surname: no first name follows. */
    private static final Set<String> REFUSALS = Set.of("не", "нет", "никак", "без", "зачем", "фамилии", "фамилия", "неважно",
            "незачем", "обойдемся", "обойдёмся", "обойдусь", "анонимно");
    private static final Set<String> GREETINGS = Set.of("слушаю", "слушает", "здравствуйте", "добрый", "доброе", "приветствую",
            "алло");
    private static final int OPENING_WORDS = 8;
    private static final int ANSWER_WORDS = 6;

    private ClientNameRule() {
    }

    static DraftField find(Tokens t) {
        Set<String> operatorNames = operatorNames(t);
        for (int i = 0; i < t.size(); i++) {
            if (t.speaker(i) == Speaker.OPERATOR) {
                continue;
            }
            // «меня зовут ольга», «меня ольга зовут», «это мария»
            int at = -1;
            if (t.word(i).equals("зовут") && !t.word(i - 1).equals("как")) {
                at = i + 1;
            } else if (t.word(i).equals("меня") && t.word(i + 2).equals("зовут")) {
                at = i + 1;
            } else if (t.word(i).equals("это")) {
                at = i + 1;
            }
            if (at >= 0 && isFirstName(t.word(at)) && !operatorNames.contains(lemmaOfName(t.word(at)))) {
                return name(t, at, i);
            }
        }
        for (int i = 0; i < t.size(); i++) {
            for (List<String> q : QUESTIONS) {
                if (!matches(t, i, q)) {
                    continue;
                }
                DraftField answer = answer(t, i + q.size(), operatorNames);
                if (answer != null) {
                    return answer.value() == null ? null : answer;
                }
                break;
            }
        }
        return null;
    }

    /**
     * The name given after a question ending at {@code from}: the first word that is a first name
     * (or, right after the question, a word the dictionary does not know). A field with a null value
     * means the caller declined.
     */
    private static DraftField answer(Tokens t, int from, Set<String> operatorNames) {
        int start = from;
        if (t.speaker(from - 1) == Speaker.OPERATOR) {
            while (start < t.size() && t.speaker(start) != Speaker.CLIENT) {
                start++;
            }
        }
        for (int k = start; k < Math.min(t.size(), start + ANSWER_WORDS); k++) {
            String w = t.word(k);
            if (FILLERS.contains(w) || isSurnameOnly(w)) {
                continue;
            }
            if (REFUSALS.contains(w) || isVerb(w)) {
                return new DraftField(null, t.span(from, k + 1));
            }
            if (operatorNames.contains(lemmaOfName(w)) && k == start) {
                continue;
            }
            if (isFirstName(w) || k == start && w.length() > 2 && (Morphology.russian().readings(w).isEmpty()
                    || Morphology.russian().readings(w).get(0).is("NN:Anim") || t.word(k + 1).equals(w))) {
                return name(t, k, from);
            }
            return null;
        }
        return null;
    }

    private static DraftField name(Tokens t, int at, int evidenceFrom) {
        String first = nominative(t.word(at));
        String patronymic = Morphology.russian().hasReading(t.word(at + 1), "NN:Patr") ? t.word(at + 1) : null;
        String value = AddressRule.capitalize(patronymic == null ? first : first + " " + patronymic);
        return new DraftField(value, t.span(Math.min(evidenceFrom, at), at + (patronymic == null ? 1 : 2)));
    }

    /** The names said in the greeting: the first operator turn, or the first name among the opening words. */
    private static Set<String> operatorNames(Tokens t) {
        Set<String> names = new HashSet<>();
        if (t.labelled()) {
            int i = 0;
            while (i < t.size() && t.speaker(i) != Speaker.OPERATOR) {
                i++;
            }
            for (; i < t.size() && t.speaker(i) == Speaker.OPERATOR; i++) {
                if (isFirstName(t.word(i))) {
                    names.add(lemmaOfName(t.word(i)));
                }
            }
            return names;
        }
        for (int i = 0; i < Math.min(t.size(), OPENING_WORDS); i++) {
            if (isFirstName(t.word(i))) {
                // an operator's greeting: «техносервис анна здравствуйте», «меня зовут ольга слушаю вас»
                if (GREETINGS.contains(t.word(i + 1)) || GREETINGS.contains(t.word(i + 2))) {
                    names.add(lemmaOfName(t.word(i)));
                }
                break;
            }
        }
        return names;
    }

    private static boolean matches(Tokens t, int i, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!t.word(i + k).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A first name in the singular («сидоров» is read as «сидор» only in the plural, so it is a surname). */
    static boolean isFirstName(String word) {
        return Morphology.russian().readings(word).stream().anyMatch(r -> r.is("NN:Name") && !r.has("PL"));
    }

    private static boolean isSurnameOnly(String word) {
        List<Morphology.Reading> readings = Morphology.russian().readings(word);
        return !readings.isEmpty() && readings.get(0).is("NN:Fam") && !isFirstName(word);
    }

    private static boolean isVerb(String word) {
        List<Morphology.Reading> readings = Morphology.russian().readings(word);
        return !readings.isEmpty() && readings.get(0).is("VB");
    }

    private static String lemmaOfName(String word) {
        return Morphology.russian().readings(word).stream().filter(r -> r.is("NN:Name") && !r.has("PL"))
                .map(Morphology.Reading::lemma).findFirst().orElse(Morphology.fold(word));
    }

    /** The name as said when it is in the nominative (or does not decline), else its lemma: «марину» Марина. */
    private static String nominative(String word) {
        List<Morphology.Reading> readings = Morphology.russian().readings(word);
        boolean asSaid = readings.isEmpty() || readings.stream().anyMatch(r -> r.has("Nom") || r.is("NN:Name") && !r.has("PL")
                && !r.has("R") && !r.has("D") && !r.has("V") && !r.has("T") && !r.has("P"));
        return asSaid ? Morphology.fold(word) : lemmaOfName(word);
    }
}
