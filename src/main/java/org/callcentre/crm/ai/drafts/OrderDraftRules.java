package org.callcentre.crm.ai.drafts;

import org.callcentre.crm.ai.language.Towns;

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
    private static final List<List<String>> WRONG_NUMBER = List.of(RussianStems.stems("ошибся номером"),
            RussianStems.stems("ошиблась номером"), RussianStems.stems("куда я попал"), RussianStems.stems("куда я попала"));

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
        DraftField equipmentField = equipment == null ? null : new DraftField(equipment.canonical(), equipment.evidence());
        boolean priceQuestion = containsAny(t, PRICE);
        DraftField problem = equipment == null || priceQuestion ? null : ProblemRule.find(t, equipment.start());
        DraftField address = AddressRule.find(t);
        DraftField visit = VisitTimeRule.find(t, callTime);
        DraftField name = ClientNameRule.find(t);
        DraftField cityField = CityRule.find(t, towns, city, address != null || visit != null);
        String sentiment = containsAny(t, NEGATIVE) ? "negative" : containsAny(t, POSITIVE) ? "positive" : "neutral";
        String summary = summary(t, name, cityField, equipmentField, problem, address, visit, sentiment, priceQuestion);
        return new OrderDraft(cityField, address, equipmentField, problem, visit, name, summary, sentiment, GENERATOR, true);
    }

    private String summary(Tokens t, DraftField name, DraftField city, DraftField equipment, DraftField problem,
                           DraftField address, DraftField visit, String sentiment, boolean priceQuestion) {
        if (WRONG_NUMBER.stream().anyMatch(p -> t.find(p, 0) >= 0)) {
            return "Звонок не по адресу: абонент ошибся номером.";
        }
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

    private static boolean containsAny(Tokens t, List<String> stems) {
        return t.stems().stream().anyMatch(stems::contains);
    }
}
