package org.callcentre.crm.ai.drafts;

import java.util.Set;

/** «меня зовут ольга викторовна», «это мария»: a first name, and the patronymic when one follows. */
final class ClientNameRule {
    private static final Set<String> FIRST_NAMES = Set.of("александр", "алексей", "анатолий", "андрей", "антон", "артем",
            "борис", "вадим", "валерий", "василий", "виктор", "виталий", "владимир", "владислав", "вячеслав", "геннадий",
            "георгий", "григорий", "денис", "дмитрий", "евгений", "егор", "иван", "игорь", "илья", "кирилл", "константин",
            "леонид", "максим", "михаил", "никита", "николай", "олег", "павел", "петр", "роман", "руслан", "сергей",
            "станислав", "степан", "тимур", "федор", "юрий", "ярослав", "александра", "алена", "алина", "алла", "анастасия",
            "анна", "валентина", "валерия", "вера", "виктория", "галина", "дарья", "диана", "евгения", "екатерина", "елена",
            "елизавета", "жанна", "зинаида", "зоя", "инна", "ирина", "карина", "кристина", "ксения", "лариса", "лидия",
            "любовь", "людмила", "маргарита", "марина", "мария", "надежда", "наталья", "наталия", "нина", "оксана", "ольга",
            "полина", "раиса", "светлана", "софья", "тамара", "татьяна", "юлия", "яна");

    private ClientNameRule() {
    }

    static DraftField find(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            boolean named = t.word(i).equals("зовут") && !t.word(i + 1).isEmpty();
            boolean introduced = t.word(i).equals("это") && FIRST_NAMES.contains(t.word(i + 1));
            if (!named && !introduced) {
                continue;
            }
            int end = i + 2;
            if (isPatronymic(t.word(end))) {
                end++;
            }
            String name = AddressRule.capitalize(t.span(i + 1, end));
            return new DraftField(name, t.span(i - (named && t.word(i - 1).equals("меня") ? 1 : 0), end));
        }
        return null;
    }

    private static boolean isPatronymic(String w) {
        return w.endsWith("овна") || w.endsWith("евна") || w.endsWith("ична") || w.endsWith("ович") || w.endsWith("евич")
                || w.endsWith("ьич") || w.endsWith("инична");
    }
}
