package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.language.Towns;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline draft maker: dictionaries and word rules over the transcript, Russian-stemmed with
 * Lucene. Plain Java with no service behind it, so the evaluation command runs it as the API does.
 */
public final class OrderDraftRules {
    public static final String GENERATOR = "rules";

    private static final List<String> NEGATIVE = RussianStems.stems(
            "недовольна недоволен безобразие ужасно ужасный жаловаться пожаловаться нахамил верните опоздал никто претензия");
    private static final List<String> POSITIVE = RussianStems.stems("спасибо отлично молодец благодарю доволен довольна");
    private static final List<String> PRICE = RussianStems.stems("сколько стоит цена стоимость");
    /** Said only when the caller dialled the wrong number. */
    private static final List<List<String>> WRONG_NUMBER = phrases("ошиблись номером", "ошибся номером", "ошиблась номером",
            "не туда попал", "не туда попала", "не туда попали", "куда я попал", "куда я попала", "номер похожий", "похожий номер",
            "не тот номер", "не по адресу");
    /** Said when the call is not about a repair: the operator declines, nobody of that name works here, an offer refused. */
    private static final List<List<String>> NOT_OURS = phrases("не ремонтируем", "не занимаемся", "не чиним", "не обслуживаем",
            "не интересно", "таких нет", "такой нет", "такого нет", "не работает у нас");

    private final Towns towns;

    /** @param towns the towns a caller may name: the shipped list and the CRM's cities */
    public OrderDraftRules(Towns towns) {
        this.towns = towns;
    }

    /**
     * @param city     the call's city when the CRM knows it (from the number called); wins over one heard
     * @param callTime when the call was made, in the caller's zone: «завтра» counts from it
     */
    public OrderDraft draft(String text, String city, LocalDateTime callTime) {
        Tokens t = Tokens.of(text);
        Dictionary.Match equipment = Equipment.TYPES.first(t);
        if (wrongNumber(t, equipment != null)) {
            return new OrderDraft(null, null, null, null, null, null, "Звонок не по адресу: абонент ошибся номером.", "neutral",
                    GENERATOR, true);
        }
        DraftField equipmentField = equipment == null ? null : new DraftField(equipment.canonical(), equipment.evidence());
        boolean priceQuestion = containsAny(t, PRICE);
        DraftField problem = ProblemRule.find(t, equipment == null ? 0 : equipment.end());
        boolean[] town = new boolean[t.size()];
        for (Towns.Found f : CityRule.places(t, towns)) {
            java.util.Arrays.fill(town, f.start(), f.end(), true);
        }
        DraftField address = AddressRule.find(t, town);
        DraftField visit = VisitTimeRule.find(t, callTime);
        DraftField name = ClientNameRule.find(t);
        DraftField cityField = CityRule.find(t, towns, city, address != null || visit != null);
        String sentiment = containsAny(t, NEGATIVE) ? "negative" : containsAny(t, POSITIVE) ? "positive" : "neutral";
        String summary = summary(t, name, cityField, equipmentField, problem, address, visit, sentiment, priceQuestion);
        return new OrderDraft(cityField, address, equipmentField, problem, visit, name, summary, sentiment, GENERATOR, true);
    }

    private String summary(Tokens t, DraftField name, DraftField city, DraftField equipment, DraftField problem,
                           DraftField address, DraftField visit, String sentiment, boolean priceQuestion) {
        List<String> parts = new ArrayList<>();
        String who = "Звонил клиент" + (name == null ? "" : " " + name.value()) + (city == null ? "" : " (" + city.value() + ")");
        String about = equipment == null ? "" : equipment.value() + (problem == null ? "" : ": " + problem.value());
        if (priceQuestion) {
            parts.add(who + ", спрашивал о стоимости" + (about.isEmpty() ? "" : " — " + about) + ".");
        } else if ("negative".equals(sentiment)) {
            parts.add(who + ", жалоба" + (about.isEmpty() ? "" : " — " + about) + ".");
        } else {
            parts.add(who + (about.isEmpty() ? ", вопрос без заявки." : ", заявка на ремонт — " + about + "."));
        }
        if (visit != null || address != null) {
            parts.add("Договорились о визите мастера" + (visit == null ? "" : " " + visit.value().replace('T', ' '))
                    + (address == null ? "" : " по адресу " + address.value()) + ".");
        }
        return String.join(" ", parts);
    }

    /**
     * A wrong number: a caller saying so («ошиблись номером», «не туда попала»), or, when no appliance
     * was named, a mistake admitted («ой ошибся») or the call declined as not ours («мы не ремонтируем»,
     * «таких у нас нет», «не интересно»).
     */
    private static boolean wrongNumber(Tokens t, boolean applianceNamed) {
        if (WRONG_NUMBER.stream().anyMatch(p -> t.find(p, 0) >= 0)) {
            return true;
        }
        if (applianceNamed) {
            return false;
        }
        boolean mistake = false;
        for (int i = 0; i < t.size() && !mistake; i++) {
            mistake = t.lemma(i).equals("ошибиться");
        }
        return mistake || NOT_OURS.stream().anyMatch(p -> t.find(p, 0) >= 0);
    }

    private static List<List<String>> phrases(String... said) {
        return java.util.Arrays.stream(said).map(RussianStems::stems).toList();
    }

    private static boolean containsAny(Tokens t, List<String> stems) {
        return t.stems().stream().anyMatch(stems::contains);
    }
}
