package org.callcentre.crm.ai.drafts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The symptom in the caller's words: after the appliance, up to a brand, the address or a question. */
class ProblemRuleTest {
    private static String problem(String text) {
        Tokens t = Tokens.of(text);
        Dictionary.Match appliance = Equipment.TYPES.first(t);
        DraftField f = ProblemRule.find(t, appliance == null ? 0 : appliance.end());
        return f == null ? null : f.value();
    }

    @Test
    void theSymptomIsTheCallersWordsAfterTheAppliance() {
        assertEquals("не отжимает и скрипит", problem("у меня стиралка не отжимает и скрипит веко адрес улица мира"));
        assertEquals("вода на полу лужа", problem("оператор: слушаю\nклиент: посудомойка вода на полу лужа\nоператор: марка"));
        assertEquals("шумит как трактор", problem("холодос шумит как трактор когда можно мастера"));
    }

    @Test
    void aSymptomAwayFromTheApplianceIsFoundAndAPriceQuestionWithoutOneHasNone() {
        assertEquals("вчера наконец потек снизу", problem("здравствуйте водонагреватель давно стоит но вот вчера наконец потек снизу адрес"));
        assertNull(problem("сколько стоит диагностика посудомойки"));
        assertNull(problem("я третий раз звоню и никто не приехал"), "a complaint is no symptom");
    }
}
