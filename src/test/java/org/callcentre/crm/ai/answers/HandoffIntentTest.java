package org.callcentre.crm.ai.answers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each intent on phrasings written for this test (not taken from any evaluation set), and the
 * near misses that must stay with the knowledge base: a question about the terms in general, in
 * the future or the conditional, is not a claim about one's own case.
 */
class HandoffIntentTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "COMPLAINT | Хочу написать жалобу на вашего сотрудника",
            "COMPLAINT | ваш техник нахамил моей маме",
            "COMPLAINT | мастер сломал мне ручку на холодильнике",
            "COMPLAINT | клинеры разбили вазу, что теперь?",
            "COMPLAINT | Отвратительный сервис, больше никогда не обращусь",
            "COMPLAINT | после вашего ремонта опять течёт",
            "COMPLAINT | оставлю отзыв на авито какие вы",
            "COMPLAINT | плохо убрали, пыль так и не отмыли",
            "COMPLAINT | переделайте покраску бампера за свой счёт",
            "COMPLAINT | это ваша недоработка, шов снова течёт",
            "COMPLAINT | курьер опоздал на три часа",
            "DISPUTE | почему с меня взяли 5000 если в прайсе 3000",
            "DISPUTE | вы мне насчитали лишнего",
            "DISPUTE | мастер назвал цену 12 тыщ за насос, не многовато?",
            "DISPUTE | у других дешевле в два раза",
            "DISPUTE | пересчитайте счёт пожалуйста",
            "DISPUTE | скидку мне так и не дали",
            "REFUND | верните мне деньги за вызов",
            "REFUND | хочу вернуть предоплату",
            "REFUND | требую возврат",
            "REFUND | когда будет возврат средств на карту",
            "REFUND | компенсируйте испорченную вещь",
            "THREAT | пойду в суд",
            "THREAT | напишу в роспотребнадзор",
            "THREAT | будем разговаривать с моим юристом",
            "THREAT | вы об этом пожалеете",
            "THREAT | вызову полицию",
            "PERSONAL_DATA | мой номер +7 912 345-67-89",
            "PERSONAL_DATA | вот номер карты 4276 1234 5678 9012",
            "PERSONAL_DATA | пришлите фото паспорта?",
            "PERSONAL_DATA | дайте телефон мастера который приходил",
            "PERSONAL_DATA | удалите мои данные из базы",
            "OWN_ORDER | где мастер? жду с утра",
            "OWN_ORDER | по моей заявке кто-нибудь приедет?",
            "OWN_ORDER | заказ 55123 когда выполните",
            "OWN_ORDER | клинеры так и не пришли",
            "OWN_ORDER | перенесите визит на пятницу",
            "OWN_ORDER | мастер должен был позвонить вчера",
            "OWN_ORDER | заказывали запчасть месяц назад, уже пришла?",
            "OWN_ORDER | отмените мой заказ",
            "OWN_ORDER | мне обещали привезти шланг к пятнице",
            "OWN_ORDER | вы нам на прошлой неделе чистили ковёр, пятна вернулись",
            "OWN_ORDER | по моему договору 7781 когда следующий визит",
            "OWN_ORDER | квитанция 4412, костюм готов?",
            "OWN_ORDER | абонемент 004127 продлите",
            "EXACT_PART_PRICE | сколько стоит тэн для бойлера ariston abs80",
            "EXACT_PART_PRICE | скажите точно сколько выйдет замена компрессора",
            "EXACT_PART_PRICE | какая именно цена у насоса на мою машинку",
            "OUT_OF_SCOPE | установите посудомойку?",
            "OUT_OF_SCOPE | подключить плиту сможете",
            "OUT_OF_SCOPE | продаёте новые холодильники",
            "OUT_OF_SCOPE | куда деть старую стиралку",
            "OUT_OF_SCOPE | примете на работу мастером? резюме есть",
            "OUT_OF_SCOPE | утилизация старого телевизора",
            "ASKS_FOR_PERSON | дайте оператора",
            "ASKS_FOR_PERSON | можно живого человека",
            "ASKS_FOR_PERSON | хватит бот, позовите кого-нибудь",
            "ASKS_FOR_PERSON | свяжитесь со мной",
            "ASKS_FOR_PERSON | мне нужен ваш руководитель",
            // classes of phrasing rather than words: outrage, the staff's conduct, a review held over the business
            "COMPLAINT | у вас в салоне грязь и духота, позорище",
            "COMPLAINT | сотрудник пришёл выпивший",
            "COMPLAINT | отзыв напишу честный, если не решите проблему",
            "DISPUTE | ну и расценки у вас, грабёж",
            "DISPUTE | за мойку посчитали 4000, а на сайте 2500",
            "DISPUTE | вы обманщики",
            "PERSONAL_DATA | напишите мне на почту smirnova.k@yandex.ru",
            "PERSONAL_DATA | госномер у машины е432кх",
            // one's own thing and its state, a wait, the hour of a visit booked, the same person as before, done at yours
            "OWN_ORDER | мой пылесос уже готов?",
            "OWN_ORDER | наша куртка где?",
            "OWN_ORDER | ждём курьера третий час",
            "OWN_ORDER | бригада во сколько завтра подъедет?",
            "OWN_ORDER | пришлите ту же мастерицу, что и в прошлый раз",
            "OWN_ORDER | у вас меняли мне масло в сентябре, какой был пробег?",
            "EXACT_PART_PRICE | сколько стоит сам компрессор, без работы",
            "EXACT_PART_PRICE | есть в наличии фильтр для бош серии 6?",
            "EXACT_PART_PRICE | аналог насоса для электролюкс почём?",
            "OUT_OF_SCOPE | старый диван куда выкинуть?",
            "OUT_OF_SCOPE | какой пылесос лучше купить?",
            "ASKS_FOR_PERSON | алло, вы здесь?",
            "ASKS_FOR_PERSON | ты робот?",
            "ASKS_FOR_PERSON | есть кто живой?",
            "OFF_TOPIC | как у вас дела сегодня?",
            "OFF_TOPIC | какая погода у вас в городе",
            "OFF_TOPIC | а вы где учились на мастера?",
            "OFF_TOPIC | расскажите анекдот",
            "OFF_TOPIC | как вас зовут?"})
    void eachIntentIsRecognisedInPhrasingsOfItsOwn(HandoffIntent intent, String text) {
        assertEquals(Optional.of(intent), HandoffIntent.of(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"а что если мастер что-то повредит?", "можно будет перенести время если не успею?", "сколько стоит замена насоса в посудомойке", "машинка сломалась, не отжимает", "когда у вас выходные", "машина течёт снизу", "у вас наверное дорого?", "как отменить заявку если передумаю", "сколько человек приедет убирать", "гарантия на работу какая", "суббота рабочий день?", "холодильник не морозит уже неделю", "где находится ваша мастерская", "если не понравится уборка что тогда", "а переделаете бесплатно, если найду пятна?", "если курьер опоздает, будет скидка?", "вы мне детали сами закажете?", "что обещаете по гарантии", "квартира 45 метров, сколько уборка",
            // the same shapes, said of the terms, of a fear, of one's own attempt or of another firm
            "а если сотрудник что-то сломает, кто будет возмещать?", "перезагрузить не помогло, экран всё равно чёрный",
            "опасаюсь обмана, договор заключаете?", "у вас были акции для студентов?", "во сколько завтра можете приехать?",
            "мой кондиционер не холодит, сколько стоит ремонт", "если закажу на завтра, во сколько приедет мастер?",
            "запчасти есть в наличии или заказываете?", "монтажная пена на подоконнике, отмоете?", "можно перевести оплату на карту?",
            "на зиму шины куда деть, у вас хранение есть?", "как самому почистить фильтр?", "в какую погоду нельзя мыть окна?",
            "в прошлый раз в другой фирме ждали деталь месяц, у вас как?", "нашу квартиру готовы убрать в субботу?"})
    void questionsAboutTheTermsStayWithTheKnowledgeBase(String text) {
        assertEquals(Optional.empty(), HandoffIntent.of(text), text);
    }
}
