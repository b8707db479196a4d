package org.callcentre.crm.notifications.masters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A master's typed reply read as a move: each move's words are listed by lemma with the forms
 * masters type («выехал», «выехала», «выезжаю», «еду» all mean on the way). The first word that
 * names a move decides; "не" before it cancels the match.
 */
final class ReplyWords {
    private static final Map<OrderMove, List<String>> FORMS = Map.of(
            OrderMove.accepted, List.of("принял", "приняла", "принимаю", "принято", "беру", "взял", "взяла", "ок"),
            OrderMove.on_the_way, List.of("выехал", "выехала", "выезжаю", "еду", "поехал", "поехала", "пути"),
            OrderMove.on_site, List.of("приехал", "приехала", "прибыл", "прибыла", "месте", "адресе", "подъехал",
                    "подъехала"),
            OrderMove.done, List.of("готово", "готов", "выполнил", "выполнила", "выполнено", "сделал", "сделала",
                    "сделано", "закончил", "закончила", "завершил", "завершила"));
    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

    private ReplyWords() {
    }

    static Optional<OrderMove> move(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] words = WORD.split(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        for (int i = 0; i < words.length; i++) {
            for (Map.Entry<OrderMove, List<String>> e : FORMS.entrySet()) {
                if (e.getValue().contains(words[i])) {
                    return i > 0 && "не".equals(words[i - 1]) ? Optional.empty() : Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
