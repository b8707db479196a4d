package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Morphology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What is wrong, in the caller's words: the stretch the caller says right after naming the appliance
 * («посудомойка воду не набирает гудит и стоит»), up to where something else begins (a brand, the
 * address, a question, a day), when it holds a symptom — a negated verb («не греет»), «нет …», or a
 * word of the symptom lexicon ({@code symptoms-ru.txt}: течёт, гудит, искрит, намерзает …). Failing
 * that, the few words around the first symptom the caller says. Operators' turns are skipped.
 */
final class ProblemRule {
    private static final Set<String> SYMPTOM_STEMS = readSymptoms();
    /** Words where the symptom's description ends: the address, questions, days, prices, greetings. */
    private static final Set<String> STOP = Set.of("адрес", "адресу", "марка", "марки", "модель", "фирма", "какая", "какой",
            "имя", "зовут", "сколько", "стоит", "почем", "цена", "стоимость", "можно", "нужен", "нужно", "вызвать",
            "приехать", "приезжайте", "завтра", "сегодня", "послезавтра", "понедельник", "вторник", "среду", "четверг",
            "пятницу", "субботу", "воскресенье", "улица", "проспект", "переулок", "квартира", "здравствуйте", "спасибо",
            "подскажите", "скажите", "записать", "запишите", "это", "мастера", "мастер", "когда", "удобно", "ремонтируете",
            "чините", "делаете", "диагностика", "встроенная", "отдельно", "отдельностоящая");
    private static final Set<String> LEADING_FILLERS = Set.of("у", "меня", "нас", "она", "он", "оно", "они", "вот", "ну", "короче",
            "что", "то", "а", "и", "опять", "уже", "значит", "так", "вообще", "в", "ней", "нем", "него", "да", "ээ", "э", "просто");
    private static final int MAX_WORDS = 10;
    private static final int AROUND = 3;

    private ProblemRule() {
    }

    /** @param from where to look from: the end of the appliance's name, or 0 when none was named */
    static DraftField find(Tokens t, int from) {
        int start = from;
        while (start < t.size() && (t.speaker(start) == Speaker.OPERATOR || LEADING_FILLERS.contains(t.word(start)))) {
            start++;
        }
        int end = start;
        while (end < t.size() && end - start < MAX_WORDS && t.speaker(end) == t.speaker(start) && !ends(t, end)) {
            end++;
        }
        if (from > 0 && end > start && hasSymptom(t, start, end)) {
            return phrase(t, start, end);
        }
        // a description with no word of the lexicon («изображение зеленое»), said right after the appliance
        if (from > 0 && end - start >= 2 && t.speaker(start) != Speaker.OPERATOR 
                && Morphology.russian().readings(t.word(start)).stream().findFirst().map(r -> r.is("NN")).orElse(false)) {
            DraftField described = phrase(t, start, end);
            if (!symptomAnywhere(t)) {
                return described;
            }
        }
        for (int i = 0; i < t.size(); i++) {
            // with no appliance named, a negation alone («никто не приехал») is no symptom
            if (t.speaker(i) != Speaker.OPERATOR && (from > 0 ? symptomAt(t, i) : SYMPTOM_STEMS.contains(t.stem(i)))) {
                int a = i;
                while (a > 0 && i - a < AROUND && t.speaker(a - 1) == t.speaker(i) && !ends(t, a - 1)) {
                    a--;
                }
                while (a < i && LEADING_FILLERS.contains(t.word(a))) {
                    a++;
                }
                int b = i + 1;
                while (b < t.size() && b - i <= AROUND && t.speaker(b) == t.speaker(i) && !ends(t, b)) {
                    b++;
                }
                return phrase(t, a, b);
            }
        }
        return null;
    }

    private static boolean symptomAnywhere(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.speaker(i) != Speaker.OPERATOR && symptomAt(t, i)) {
                return true;
            }
        }
        return false;
    }

    private static DraftField phrase(Tokens t, int start, int end) {
        int e = end;
        while (e > start + 1 && LEADING_FILLERS.contains(t.word(e - 1))) {
            e--;
        }
        String words = t.span(start, e);
        return new DraftField(words, words);
    }

    private static boolean ends(Tokens t, int i) {
        boolean question = t.word(i).equals("как") && Set.of("вас", "вам", "к", "зовут").contains(t.word(i + 1));
        return question || STOP.contains(t.word(i)) || Equipment.BRANDS.startsAt(t, i);
    }

    private static boolean hasSymptom(Tokens t, int start, int end) {
        for (int i = start; i < end; i++) {
            if (symptomAt(t, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean symptomAt(Tokens t, int i) {
        String w = t.word(i);
        if ((w.equals("не") || w.equals("нет")) && !t.word(i + 1).isEmpty() && !STOP.contains(t.word(i + 1))) {
            return true;
        }
        return SYMPTOM_STEMS.contains(t.stem(i));
    }

    private static Set<String> readSymptoms() {
        Set<String> stems = new HashSet<>();
        try (InputStream in = ProblemRule.class.getResourceAsStream("/org/callcentre/crm/ai/drafts/symptoms-ru.txt")) {
            if (in == null) {
                throw new IllegalStateException("symptoms-ru.txt is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.trim().startsWith("#")) {
                    continue;
                }
                for (String word : line.split(",")) {
                    if (!word.isBlank()) {
                        stems.add(RussianStems.stem(word.trim()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(stems);
    }
}
