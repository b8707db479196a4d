package org.callcentre.crm.ai.answers;

import org.callcentre.crm.language.Morphology;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client wants that only a person may handle, read from the shape of the message rather
 * than from a list of phrases: who did what to whom (a master who broke something), past tense
 * against future ("разбили" is a claim, "а если разобьют?" a question about the terms), an
 * imperative on one's own order ("перенесите мою заявку") against a question about the rules
 * ("можно перенести?"), a possessive or an order number, a model code next to a part. Each
 * constant is a few patterns over the folded text (lower case, ё as е, punctuation as spaces);
 * {@code \b} is a Unicode word boundary, and a pattern that names the start of a word catches its
 * endings. Admins add words of their own with {@code crm.ai.never-alone.keywords}.
 */
public enum HandoffIntent {
    /** A claim about the service received: damage, rudeness, poor work, a refusal to come back. */
    COMPLAINT(
            "\\bжалоб", "\\bпожал(уюсь|оваться|уемся)", "\\bпретензи", "\\bнедовол", "\\bвозмут", "\\bбезобраз",
            "\\b(ужасн|отвратительн|кошмарн|позорн)\\w*\\s+(сервис|контор|фирм|компани|работ|обслужив|мастер|клинер)",
            "\\b(вы|ваша|ваш|это)\\s+(ужасн|отвратительн|позорн)", "\\bхам(ств|ил|ит|ка|ло)", "\\bнахам", "\\bнагруб", "\\bгрубил",
            "\\bбольше\\s+(никогда\\s+)?(не\\s+)?(обращусь|закажу|приду|позвоню|буду\\s+(заказывать|обращаться))",
            "\\b(оставлю|напишу|напишем)\\s+(\\w+\\s+)?отзыв", "\\bотзыв\\w*\\s+(на\\s+)?(авито|везде|яндекс|2гис)",
            "\\b(мастер|клинер|бригад|сотрудни|рабоч|уборщиц|ваши|ваш|вы|они|он|она)\\w*\\s+(\\w+\\s+){0,3}"
                    + "(испортил|поцарапал|разбил|сломал|повредил|залил|украл|прожег|порвал|испачкал|потерял|уронил|разлил)(и|а)?\\b(?!сь|ся)",
            "\\b(пропал|исчез)(и|а|о)?\\s+(\\w+\\s+){0,4}(после|с\\s+(комод|стол|полк))", "\\bворов", "\\bукрал",
            "(?<!\\w(ть|ти)\\s)\\b(не|так\\s+и\\s+не)\\s+(помогл|убрал|отмыл|доделал|починил|исправил|вычистил|отчистил)\\w*",
            "\\b(опять|снова|еще\\s+раз)\\s+(\\w+\\s+){0,4}после\\s+(вашего|вашей|ваших|вас|ремонта|уборки|чистки|заправки|мастера)",
            "\\bпосле\\s+(вашего|вашей|ваших)\\s+(\\w+\\s+){0,5}(опять|снова|сломал|перестал|хуже|не\\s+работ)",
            "\\bстало\\s+(только\\s+)?хуже", "\\bнекачествен", "\\bхалтур",
            // who pays for a damage done; "а если разобьют, кто платить будет?" asks about the terms
            HandoffIntent.NOT_SUPPOSED + "\\bкто\\s+(\\w+\\s+)?(будет\\s+)?(возмещ|отвеча|платить|передел|переклеи|исправл|чинить|убирать)",
            // outrage and the staff's conduct, whatever the service
            "\\bпозор", "\\bбеспредел", "\\bиздева", "\\bсколько\\s+можно\\b", "\\b(пьян|нетрезв|трезв|перегар|выпивш|бухой|бухие)",
            "\\bотзыв\\w*\\s+(\\w+\\s+)?(оставлю|напишу|оставим|напишем)", "\\bне\\s+(решите|решили|решаете)\\s+(\\w+\\s+)?(вопрос|проблем)",
            // a redo demanded, not asked about ("переделайте", against "переделаете, если…?"); the fault named as theirs
            "\\bпеределай(те)?\\b", "\\bпеределывай(те)?\\b", "\\bваш\\w*\\s+(косяк|вин[аыу]|недоработк|брак)",
            "\\bопозда(л|ла|ли|ло)\\b",
            "\\bисправ(ьте|ляйте|лять)\\b", "\\bтяп[\\s-]ляп", "\\bкое[\\s-]как\\b", "\\bденьги\\s+на\\s+ветер",
            "\\b(после|от|из\\s+за)\\s+(вашего|вашей|ваших|него|нее|них)\\s+(\\w+\\s+){0,5}(царапин|поцарап|пятн|грязь|грязн|развод|полос|след|пыль|дыр|порв|испорч|облез|ржав|скрип|стук|гуд|"
                    + "теч[еь]т|протека|капает|вода|запах|воня|хуже|сломал|разбит|трещин|вмятин|"
                    + "не\\s+(работ|включ|греет|морозит|сливает|крутит|заводит|открыва|закрыва))"),
    /** A dispute about what was charged or quoted for this client. */
    DISPUTE(
            "\\bзавыш", "\\bзавысил", "\\bнакрутил", "\\bнасчитал", "\\bобсчитал", "\\bпереплат", "\\bпересчита", "\\bобдираловк",
            "\\bпочему\\s+(\\w+\\s+){0,3}(взял|взяли|выставил|насчитал|списал|так\\s+дорог|столько|дороже|больше)",
            "\\b(взял|взяли|содрал|содрали|списали|выставил|выставили|насчитали)\\s+(\\w+\\s+){0,3}\\d",
            "\\b(мастер|клинер|менеджер|оператор)\\w*\\s+(\\w+\\s+){0,3}(сказал|назвал|насчитал|выставил|просит|просил|хочет)\\s+"
                    + "(\\w+\\s+){0,8}(\\d|тысяч|тыщ|косар)",
            "\\bне\\s+слишком\\s+(ли\\s+)?дорог", "\\bу\\s+других\\s+(дешевл|меньше)", "\\bдругие\\s+(говорят|берут|просят|называ)",
            "\\b(не\\s+дали|не\\s+сделали|не\\s+посчитали|не\\s+учли)\\s+(\\w+\\s+)?(скидк|акци)",
            "\\b(скидк|акци)\\w*\\s+(мне\\s+)?(так\\s+и\\s+)?(не\\s+дали|не\\s+сделали|не\\s+посчитали|не\\s+учли)", HandoffIntent.NOT_SUPPOSED + "\\b(обман|развел|развод\\b|разводилов|мошенн|лохотрон)",
            "\\bну\\s+и\\s+(цен|расценк)", "\\bграбеж", "\\bграбит", "\\b(обнаглел|охренел|офигел|оборзел)",
            "\\bцен\\w*\\s+(у\\s+вас\\s+)?(конск|космическ|заоблачн|бешен|грабительск)",
            "\\b(посчитал|насчитал)\\w*\\s+(\\w+\\s+){0,3}\\d",
            "\\b(договаривались|договорились|называли|назвали|озвучили|озвучивали)\\s+(\\w+\\s+){0,2}\\d", "\\bсодрал", "\\bс\\s+меня\\s+(взяли|содрали|списали|насчитали)",
            "\\bлишн\\w*\\s+(\\w+\\s+)?(тысяч|деньг|рубл|\\d)",
            "\\bу\\s+(конкурент|других|соседн)\\w*\\s+(\\w+\\s+){0,5}(\\d|дешевл|меньше|скидк)", "\\b(уйду|ухожу|пойду|обращусь)\\s+(\\w+\\s+)?(к|в)\\s+(ним|другим|конкурент|другую|другой)",
            "\\bскин(ьте|ете|ь)\\s+(\\w+\\s+)?(цену|скидк|процент)", "\\bподвиньтесь\\s+по\\s+цене", "\\bпо\\s+факту\\s+(\\w+\\s+){0,2}(друг|больше|дороже|\\d)"),
    /** Money back, a compensation. */
    REFUND(
            "\\bверн(и|ите|уть|ете|ешь|ем|ут)\\w*\\s+(\\w+\\s+){0,3}(деньг|оплат|доплат|предоплат|средств|сумм|аванс|\\d)",
            "\\b(деньг|оплат|доплат|предоплат|средств)\\w*\\s+(\\w+\\s+){0,2}(верн|назад|обратно)", "\\bвозврат\\w*\\s+(\\w+\\s+)?(денег|средств|оплат|предоплат|доплат)",
            "\\b(оформ\\w*|хочу|требую|нужен)\\s+возврат", HandoffIntent.NOT_SUPPOSED + "\\b(возмест|возмещ|компенс)", "\\bчарджб", "\\bоспор\\w*\\s+(плат|списан)"),
    /** Courts, police, authorities, violence. */
    THREAT(
            "\\bв\\s+суд\\b", "\\bсуд(ом|е|у|ебн\\w*|ить\\w*|ят\\w*)\\b", "\\bзасуж", "\\bпрокурат", "\\bроспотребнадзор", "\\bв\\s+полици", "\\b(вызов|вызыв|вызва|заявл|обращ|напиш|пойд)\\w*\\s+(\\w+\\s+)?полици",
            "\\bполици\\w*\\s+(вызов|вызыв|вызва)", "\\bментам", "\\bзаявлени\\w*\\s+(в|на)\\b", "\\bюрист", "\\bадвокат", "\\bубь(ю|ем)\\b", "\\bуро(ю|ем)\\b", "\\bпожалеете",
            "\\bпожалеешь", "\\bсожгу", "\\bразнесу", "\\bмало\\s+не\\s+покажется", "\\bответите\\s+за", "\\bнайду\\s+(вас|тебя|где)",
            "\\bославлю", "\\bв\\s+сми\\b", "\\bжурналист"),
    /** Personal data sent or asked for: phone numbers, cards, documents, a staff member's own contact. */
    PERSONAL_DATA(
            "(\\+7|\\b8)[\\s(-]*\\d{3}[\\s)-]*\\d{3}[\\s-]*\\d{2}[\\s-]*\\d{2}\\b", "\\b\\d{10,}\\b", "\\b\\d{4}\\s\\d{4}\\s\\d{4}\\s\\d{4}\\b",
            "\\b(номер|данные|реквизит)\\w*\\s+(моей\\s+|вашей\\s+|банковской\\s+)?карт", "\\bпаспорт", "\\bснилс", "\\bинн\\b", "\\bфио\\b",
            "\\bперсональн", "\\b(мои|моих)\\s+(личн\\w*\\s+)?данн", "\\bудалите\\s+(мои|мой|мою|меня)",
            "\\b(номер|телефон|контакт|почт|адрес|вк|телеграм|whatsapp|ватсап)\\w*\\s+(\\w+\\s+){0,2}(мастер(а|у|ом|е|ов|ам|ами|ах)?\\b|клинер|сотрудни|директор|руковод|уборщиц)",
            "\\S@\\S", "\\bна\\s+(мою\\s+|мой\\s+)?(почту|мейл|имейл|емейл|email|e-mail)\\b", "\\b[авекмнорстух]\\d{3}[авекмнорстух]{2}(\\d{2,3})?\\b",
            "\\bличн\\w*\\s+(номер|телефон|контакт)", "\\bна\\s+(личн\\w+|его|ее|свою)\\s+карт",
            "\\b(мой|наш)\\s+адрес\\b", "\\bкв\\s+\\d+\\b", "\\b(ул|улица|улице|пр|проспект|пер|переулок)\\s+\\w+\\s+(д\\s+)?\\d+"),
    /** The state of this client's own order, visit, part or item; an action on it. */
    OWN_ORDER(
            "\\b(мо|наш)(я|ю|ей|ему|его|ем|им)?\\s+(\\w+\\s+)?(заявк|заказ|визит|ковер|ковр|диван|деталь|запчаст|техник)\\w*\\s*(\\w+\\s+){0,3}"
                    + "(где|когда|статус|готов|пришл|пришел|приедет|привез|вернет|заберет|перенес|отмен|не\\s)",
            "\\bпо\\s+(моей|нашей|моему|нашему)\\s+(заявк|заказ|обращени|карт|договор|квитанц|талон|чек|акт)",
            // a promise made to this client, and a record's own number (a leading zero, "№", a contract or card number)
            "\\bобеща(л|ла|ли|ло)\\b",
            // what "you" did for me, in the past: this client's own case ("вы мне в среду меняли…")
            "\\bвы\\s+(мне|нам|у\\s+(меня|нас))\\s+(\\w+\\s+){0,3}(?!если\\b|или\\b|детал|рубл|автомобил)\\w{2,}ли\\b", "(№|#)\\s*\\d{2,}", "\\b0\\d{3,}\\b",
            "\\b(договор|квитанц|талон|накладн|карт\\w*\\s+клиент)\\w*\\s+(№\\s*|номер\\s+)?\\d{3,}", "\\b(заявк|заказ|обращени)\\w*\\s*(№|номер|#)?\\s*\\d{3,}",
            "\\b(где|когда\\s+будет)\\s+(\\w+\\s+)?(мой|моя|мою|мое|наш|наша|мастер|клинер\\w*|бригад\\w*|курьер|он|она|они)\\b",
            "\\bникто\\s+(\\w+\\s+)?не\\s+(пришел|приехал|пришл|позвонил|перезвонил|ответил)", "\\bдо\\s+сих\\s+пор\\s+(не|нет)",
            "\\b(уже|так\\s+и)\\s+(\\w+\\s+){0,3}(не\\s+)?(пришел|приехал|пришл|привез|прислал|позвонил|вернул)\\w*\\s+(\\w+\\s+)?(нет|не)\\b",
            "\\bне\\s+(пришел|приехал|явил|пришла|приехала|пришли|приехали|позвонил|перезвонил|привезли|вернули|прислали)",
            "\\bтак\\s+и\\s+не\\b", "\\bдолж(ен|на|ны)\\s+был\\w*\\s+(приехать|прийти|быть|позвонить|привезти)", "\\bопаздыва",
            "\\b(заказал|заказывал|оформил|оставлял|оставил|отдал|сдал|сдавал)\\w*\\s+(\\w+\\s+){0,6}(пришл|пришел|где|когда|готов|статус|уже|назад)",
            "\\b(пришл[аои]|пришел|приехал\\w*|готов\\w*)\\s+(ли|или\\s+нет)", "\\bстатус", "\\bзабыл\\w*\\s+у\\s+(меня|нас)",
            "\\b(перенесите|отмените|поменяйте|измените|перенеси|отмени|сдвиньте|передвиньте|переносите|отменяйте)\\b",
            // a booking confirmed, not asked about ("подтвердите, что мастер будет" against "через сколько подтвердите запись?")
            "(?<!\\b(сколько|когда|быстро|скоро)\\s)\\bподтверд(ите|и)\\s+(\\w+\\s+)?(что|время|пожалуйста|мне|нам)\\b",
            "(?<!\\b(сколько|когда|быстро|скоро)\\s)\\bподтверд(ите|и)\\s+(мою\\s+|нашу\\s+|мой\\s+|наш\\s+)?(запис|заявк|заказ|визит|приезд)\\w*\\s+на\\b",
            "\\b(мастер|клинер|сотрудни|бригад)\\w*\\s+(\\w+\\s+)?(котор\\w+)\\s+(был|была|были|приезжал|приходил|убирал|чинил)",
            "\\bу\\s+(меня|нас)\\s+(был|была|были|приезжал|приходил)\\w*\\s+(\\w+\\s+)?(ваш|мастер|клинер|бригад)",
            "\\b(вчера|сегодня|позавчера)\\s+(\\w+\\s+){0,3}(был|была|были|приезжал|приходил|убирал|чинил|делал)\\w*\\s+(\\w+\\s+){0,2}(ваш|мастер|клинер|бригад)",
            // one's own thing and its state, whatever the thing ("моя машина готова?", "наш ковёр где?")
            "\\b(мо|наш)(й|я|ю|е|и|ей|его|ему|их|а|у)?\\s+(\\w+\\s+){0,2}(готов(а|о)?\\b|уже\\s+готов|где(?!-)\\b|пришл|пришел|привезл|вернул|починил|отремонтировал)",
            // waiting now for a visit or an answer promised
            "\\b(жду|ждем|ожидаю|ожидаем)\\s+(\\w+\\s+){0,3}(с\\s+утра|уже|весь|целый|час|мастер|клинер|бригад|курьер|ответ|звонк)", "\\bуже\\s+(\\w+\\s+){0,2}(жду|ждем|ожидаю|ожидаем)\\b",
            // the hour of a visit already booked, today or tomorrow ("мастер во сколько сегодня приедет")
            HandoffIntent.NOT_SUPPOSED + "\\b(во\\s+сколько|в\\s+какое\\s+время|когда)\\s+(\\w+\\s+){0,3}(сегодня|завтра)\\s+(\\w+\\s+){0,2}(приедет|придет|подъедет|приедут|придут|будет|будут)\\b",
            HandoffIntent.NOT_SUPPOSED + "\\b(сегодня|завтра)\\s+(\\w+\\s+){0,2}(во\\s+сколько|в\\s+какое\\s+время|когда)\\s+(\\w+\\s+){0,2}(приедет|придет|подъедет|приедут|придут)\\b",
            // the same person as last time, a staff member by the word for them
            "\\b(тот|та|ту|того|той|тех|те)\\s+же\\s+(\\w+\\s+)?(мастер|клинер|девушк|сотрудни|бригад|человек|женщин|парн|механик)",
            "\\bгде\\s+(мой\\s+|моя\\s+|мои\\s+|наш\\s+|наша\\s+)?(заказ|заявк|запчаст|детал|курьер|ключ|вещ)",
            "\\b(вернут|вернете|привезут|привезете|отдадите|починят|доставят)\\s+(\\w+\\s+)?(мо|наш)(й|я|ю|е|и|ей|его|ему|их|а|у)?\\b",
            "\\bуже\\s+(выехал|выехала|выехали|едет|едут|в\\s+пути|вышел|вышли)\\b", "\\b(выехал|выехала|выехали|едет|едут)\\s+(\\w+\\s+)?(ко\\s+мне|к\\s+нам)\\b",
            "\\bпо\\s+(заказу|заявке|записи|визиту)\\s+(на\\s+(сегодня|завтра|утро|вечер)|от|№|\\d)",
            "\\b(во\\s+сколько|когда)\\s+(\\w+\\s+){0,2}(будет|приедет|придет|подъедет|будут|приедут|придут)\\s+у\\s+(меня|нас)\\b",
            "\\bне\\s+(звонил|звонила|звонили|писал|писали|ответил|ответили|предупредил|предупредили)\\b",
            "\\bможно\\s+(уже\\s+)?забирать\\b", "\\bуже\\s+можно\\s+забрать",
            // one's own thing kept at the business, or fetched from it ("шины мои у вас на хранении", "когда забрать мой ковёр")
            "\\b(мо(й|я|ю|е|и|ей|его|их)|наш\\w*)\\s+(\\w+\\s+)?у\\s+вас\\s+(на|в|с|уже|еще|до\\s+сих|лежит|лежат|стоит|стоят|хранит|хранят|наход)",
            "\\b(мо(й|я|ю|е|и|ей|его|их)|наш\\w*)\\s+(\\w+\\s+)?(на|в)\\s+(хранени|ремонт|мастерск|чистк|стирк|химчистк|цех|сервис)\\w*\\s+у\\s+вас\\b",
            "\\b(забрать|забирать|заберу|заберем)\\s+(\\w+\\s+)?(мо(й|я|ю|е|и|ей|его|их)|наш\\w*)\\b",
            "\\b(мо(й|я|ю|е|и|ей|его|их)|наш\\w*)\\s+(\\w+\\s+){0,2}(забрать|забирать|заберу|заберем)\\b",
            "\\bв\\s+прошлый\\s+раз\\b(?!.*\\b(друг\\w*|чуж\\w*)\\b)", "\\bот\\s+прошлого\\b(?!.*\\b(друг\\w*|чуж\\w*)\\b)"),
    /** The price of one part for one model, or an exact sum for one's own case. */
    EXACT_PART_PRICE(
            "\\b(сколько|почем|цен|стоимост|стоит|сумм)\\w*\\s+(\\w+\\s+){0,8}(?<!\\bчто\\s)(точн|именно|конкретн)",
            "(?<!\\bчто\\s)\\b(точн|именно|конкретн)\\w*\\s+(\\w+\\s+){0,4}(сколько|почем|цен|стоимост|стоит|сумм)",
            HandoffIntent.PART + "\\w*\\s+(\\w+\\s+){0,5}" + HandoffIntent.MODEL_CODE,
            // the model before the part, in a price question ("на lg f1096 если там подшипники, сколько")
            HandoffIntent.PRICE + "\\w*\\s+(\\w+\\s+){0,8}" + HandoffIntent.MODEL_CODE + "\\s+(\\w+\\s+){0,5}" + HandoffIntent.PART,
            HandoffIntent.MODEL_CODE + "\\s+(\\w+\\s+){0,5}" + HandoffIntent.PART + "\\w*\\s+(\\w+\\s+){0,8}" + HandoffIntent.PRICE,
            HandoffIntent.PART + "\\w*\\s+(\\w+\\s+){0,5}"
                    + "(?<!\\b(за|от|до|по)\\s)\\d{3,}\\b(?!\\s+(руб|р|тыс|км|метр|м2|кв|об|вт|квт|литр|л)\\b)",
            // the part alone, without the work ("сама деталь", "без установки"), or whether one is in stock for a model
            HandoffIntent.PRICE + "\\w*\\s+(\\w+\\s+){0,8}(сам|сама|саму|самой|самого|сами|самих|только)\\s+(детал|запчаст|узел|" + HandoffIntent.PART_WORDS + ")",
            "\\b(сам|сама|саму|самой|самого|сами|самих|только)\\s+(детал|запчаст|узел|" + HandoffIntent.PART_WORDS + ")\\w*\\s+(\\w+\\s+){0,6}" + HandoffIntent.PRICE,
            HandoffIntent.PRICE + "\\w*\\s+(\\w+\\s+){0,12}без\\s+(работ|установк|замен|монтаж)", "\\bбез\\s+(работ|установк|замен|монтаж)\\w*\\s+(\\w+\\s+){0,6}" + HandoffIntent.PRICE,
            "\\b(на|для)\\s+\\w+\\s+(\\w+\\s+){0,8}(есть\\s+)?в\\s+наличии",
            "\\b(оригинал|неоригинал|аналог)\\w*\\s+(\\w+\\s+){0,3}(на|для)\\s+\\w+\\s+(\\w+\\s+){0,3}(сколько|почем|цен|стоит|стоят)",
            "\\b(сколько|почем|цен|стоит|стоят)\\w*\\s+(\\w+\\s+){0,3}(оригинал|неоригинал|аналог)\\w*\\s+(\\w+\\s+){0,3}(на|для)\\s+\\w+", "\\bв\\s+наличии\\s+(\\w+\\s+){0,3}(на|для)\\s+\\w+"),
    /** Services no entry covers: selling, buying, installing, recycling, jobs (unless the entry found is about just that). */
    OUT_OF_SCOPE(
            "\\bустанов(ить|ите|ите|ка|ку|ки|им|ят|лен)\\b", "\\bустановк", "\\bподключ(ить|ите|ение|ения|им)\\b", "\\bмонтаж(а|у|ом|е)?\\b", "\\bсмонтир",
            "\\bдемонтаж", "\\bпове(сить|сьте|сите)\\b", "\\bперевес(ить|ьте)\\b", "\\bперевешива", "\\bподвес(ить|ьте)", "\\bпрокладк\\w*\\s+(трасс|кабел)",
            "\\bпрода(ете|ете|ешь|ть|ю|жа|жу|ем|йте|дите)\\b", "\\bкупи(ть|те)\\b", "\\bвыкуп", "\\bскупк", "\\bскупа", "\\bпокупа(ете|ем)",
            "\\bутилиз", "\\bпереработк", "\\bвывез(ти|ите|ете)\\s+(\\w+\\s+)?(стар|ненужн|холодильник|стирал|технику)",
            "\\b(стар|ненужн|сломан)\\w*\\s+(\\w+\\s+){0,6}куда\\s+(\\w+\\s+)?(деть|девать|выкинуть|сдать|выбросить)",
            "\\bкуда\\s+(\\w+\\s+)?(деть|девать|выкинуть|сдать|выбросить)\\s+(\\w+\\s+)?(стар|ненужн|сломан)", "\\bна\\s+свалк", "\\bустро(иться|юсь)\\b", "\\bваканси", "\\bрезюме\\b", "\\bподработ",
            "\\bтрудоустр", "\\bсобесед", "\\bищу\\s+работ", "\\bтребуются\\b", "\\bзарплат", "\\bбывш\\w*\\s+(\\w+\\s+)?сотрудни",
            // advice on what to buy
            "\\bлучше\\s+(купить|выбрать|взять)\\b", "\\bпосоветуйте\\s+(\\w+\\s+)?(купить|выбрать)"),
    /** An explicit wish to talk to a person, be called back or reach a manager. */
    ASKS_FOR_PERSON(
            "\\bоператор", "\\bменеджер", "\\bдиректор", "\\bруководств", "\\bруководител", "\\bначальни", "\\bначальств", "\\bадминистратор",
            "\\b(живо|живым|живой|реальн|настоящ)\\w*\\s+(\\w+\\s+)?(человек|люд|сотрудник|специалист)", "\\b(с|позовите|дайте|нужен|хочу)\\s+человек",
            "\\bне\\s+(с\\s+)?бот", "\\bбот\\w*\\s+(не\\s+понима|тупой|достал)", "\\bсоедин(ите|и)\\b", "\\bпереключ(ите|и)\\b",
            "\\bпозов(ите|и)\\b", "\\bперезвон", "\\bпозвон(ите|и)\\s+(мне|нам)", "\\bсвяж(итесь|ись)\\s+(со\\s+)?(мной|нами)", "\\bнаберите\\s+(меня|мне)",
            // whether anyone is there, whether it is a machine
            "^\\s*(\\w+\\s+){0,3}(вы|ты)\\s+(тут|здесь|на\\s+связи)\\s*$", "\\bесть\\s+(кто|кто\\s+нибудь)\\s+(живой|тут|здесь|на\\s+связи)?\\s*$",
            "\\b(вы|ты)\\s+(\\w+\\s+)?(бот|робот)\\b", "\\b(бот|робот)\\s+или\\s+(человек|живой)"),
    /** Chatter that asks nothing of the service: how are you, the weather, the staff's own life, a joke. */
    OFF_TOPIC(
            "\\bкак\\s+(у\\s+(вас|тебя)\\s+)?(дела|делишки|настроени\\w*|жизнь|поживае\\w*)\\b", "\\bчем\\s+(\\w+\\s+)?занима(ешься|етесь)",
            "\\b(как|какая)\\s+(\\w+\\s+){0,2}погода\\b", "\\bкурс\\w*\\s+(доллар|евро|валют|юан)", "\\bанекдот", "\\bпошути", "\\b(любите|любишь)\\b",
            "\\b(вы|ты)\\s+(\\w+\\s+){0,4}учил(ись|ся|ась)\\b", "\\bна\\s+кого\\s+(\\w+\\s+)?учил", "\\bсколько\\s+(вам|тебе)\\s+лет",
            "\\b(вы|ты)\\s+(\\w+\\s+)?(замужем|женат)", "\\bкак\\s+(вас|тебя)\\s+зовут");

    /** The start of a word for a spare part. */
    private static final String PART_WORDS = "плат|модул|подшипник|сальник|компрессор|тэн|насос|помп|ремн|ремень|мотор|двигател|щетк|"
            + "уплотнител|манжет|термостат|датчик|магнетрон|матриц|подсветк|клапан|амортизатор|барабан|конфорк|стекл|петл|замок|блок|"
            + "фильтр|колодк|стойк|шрус|сцеплени|стартер|генератор|радиатор";
    private static final String PART = "\\b(" + PART_WORDS + ")";
    /** A model code: one word of letters and digits ("f1096", "wtw85460", "ме81krw-1"). */
    private static final String MODEL_CODE = "(?=\\S*\\d)(?=\\S*[a-zа-я])[a-zа-я0-9-]{4,}\\b";
    /** A question of price. */
    private static final String PRICE = "\\b(сколько|почем|цен|стоимост|стоит|стоят|стоить|сумм|по\\s+деньгам)";

    /**
     * Put in front of a pattern: it does not count after a word that makes the clause a fear, a
     * condition or a question about the terms ("боюсь мошенников", "а если разобьют, кто платить
     * будет?", "правда бесплатно или это развод?").
     */
    private static final String NOT_SUPPOSED = "(?<!\\b(боюсь|боимся|опасаюсь|опасаемся|вдруг|если|или\\s+это|а\\s+то)\\b.{0,80})";

    private static final Set<String> SPEECH = Set.of("сказать", "говорить", "объяснить", "объяснять", "посоветовать", "советовать",
            "порекомендовать", "рекомендовать", "предложить", "предлагать", "написать", "ответить", "назвать", "называть");
    /** A recent past: a visit of the last days or weeks, not years. */
    private static final Pattern LATELY = Pattern.compile("\\b(вчера|позавчера|на\\s+днях|на\\s+(этой|прошлой)\\s+неделе|в\\s+прошлый\\s+раз|"
            + "(\\d+|пару|два|две|три|четыре|пять|несколько)?\\s*(дн|день|дня|недел)\\w*\\s+назад|сегодня\\s+утром)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    /** Words for the business's own people; "сотрудник" and the like count after "ваш" only (a client has staff too). */
    private static final Pattern STAFF = Pattern.compile(
            "(мастер|мастера|мастеру|мастером|мастерица|мастерицы|клинер\\w*|бригад[аыуео]|бригадир\\w*|курьер\\w*|диспетчер\\w*|приемщи\\w*|"
                    + "шиномонтажник\\w*|механик\\w*|специалист|специалисты|техник|техника\\b(?!\\w)|мойщи\\w*|монтажник\\w*)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern YOUR = Pattern.compile("ваш(а|и|его|ей|у|их|им)?", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PERSON = Pattern.compile("(сотрудни|работни|специалист|уборщиц|человек|люд|парн|девушк|женщин|мужчин|ребят)\\w*",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Another firm's work ("в другом сервисе", "прошлый мастер", "не ваш"): the past is not this business's. */
    private static final Pattern ELSEWHERE = Pattern.compile(
            "\\b(друг(ой|ого|ом|ая|ую|ие|их|ими|ому)|чуж\\w*|предыдущ\\w*|не\\s+ваш\\w*|прошл(ый|ого|ом|ая|ой)\\s+(сервис|контор|фирм|мастер|компани|клининг|исполнител)\\w*"
                    + "|из\\s+(магазин|сервис|салон|контор|фирм|управляющ|жэк|дилер)\\w*)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** Verbs of booking, ordering, handing in (lemmas). */
    private static final Set<String> BOOKING = Set.of("заказать", "заказывать", "записаться", "записываться", "записать",
            "записывать", "оформить", "оформлять", "вызвать", "вызывать", "сдать", "сдавать", "отдать", "отдавать", "оставить",
            "оставлять");
    /** What asks about a booking made: its day, its state, whether it holds. */
    private static final Pattern BOOKING_ASKED = Pattern.compile("\\bна\\s+(сегодня|завтра|послезавтра|понедельник|вторник|среду|"
            + "четверг|пятницу|субботу|воскресенье|утро|вечер|\\d+|\\w+\\s+(число|числа))\\b|\\b(где|пришл\\w*|пришел|готов\\w*|статус\\w*|"
            + "подтверд\\w*|точно|приедет\\s+ли|придет\\s+ли|никто|так\\s+и|до\\s+сих)\\b", Pattern.UNICODE_CHARACTER_CLASS);
    /** The trouble as it was: it stayed, went nowhere, is still there. */
    private static final Pattern STAYED = Pattern.compile("\\bостал(ся|ась|ось|ись)\\s+(\\w+\\s+){0,2}(где|как|там\\s+же)\\s+(и\\s+)?(был|раньше)"
            + "|\\bникуда\\s+не\\s+(делись|делся|делась|делось|ушл\\w*|ушел|пропал\\w*|исчезл\\w*|исчез)\\b"
            + "|\\bдо\\s+сих\\s+пор\\s+(\\w+\\s+)?(мокр|сыр|влажн|грязн|воня|пахн|бега|полза|куса|теч|капа|гуд|шум|есть)"
            + "|\\bвсе\\s+(так\\s+же|равно)\\s+(\\w+\\s+)?(бега|полза|куса|теч|капа|гуд|шум|воня|пахн|грязн|мокр|жив|есть|не\\s)",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** A service named as what came before ("после обработки", "после вашей чистки"). */
    private static final Pattern AFTER_SERVICE = Pattern.compile("\\bпосле\\s+(ваш\\w*|обработк\\w*|уборк\\w*|химчистк\\w*|чистк\\w*|"
            + "ремонт\\w*|мойк\\w*|визит\\w*|мастер\\w*|клинер\\w*|замен\\w*|травл\\w*|дезинс\\w*|специалист\\w*)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}+#№/@-]+");

    private final List<Pattern> patterns;
    /** The same patterns over the sounds of the words ({@link #skeleton}), for messages typed as they are heard. */
    private final List<Pattern> heard;

    HandoffIntent(String... patterns) {
        this.patterns = Arrays.stream(patterns).map(p -> Pattern.compile(p, Pattern.UNICODE_CHARACTER_CLASS)).toList();
        this.heard = Arrays.stream(patterns).map(p -> Pattern.compile(skeleton(p), Pattern.UNICODE_CHARACTER_CLASS)).toList();
    }

    /** The reason code stored with a hand-off (ai_answers.reason): the intent's name in lower case. */
    public String reason() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean in(String folded) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(folded).find()) {
                return true;
            }
        }
        return this == OWN_ORDER && (doneAtYours(folded) || staffDidIt(folded) || doneAtMineLately(folded) || bookedByMe(folded))
                || this == COMPLAINT && nothingChanged(folded);
    }

    /**
     * Also when the message is typed with the spelling mistakes of speech ("вирните денги", "с миня
     * взяли", "мастир поцарапал"): the patterns are read once more over the {@link #skeleton} of the
     * text, where unstressed vowels, soft signs and doubled letters no longer tell words apart.
     */
    public boolean in(Message message) {
        if (in(message.folded())) {
            return true;
        }
        if (message.skeleton().equals(message.folded())) {
            return false;
        }
        for (Pattern pattern : heard) {
            Matcher m = pattern.matcher(message.skeleton());
            while (m.find()) {
                if (misspelledWithin(message, m.start(), m.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a word of the skeleton's span [start, end) is one the dictionary does not know as a
     * common word (a typo: "вирните", "миня"): "мошенн" and "машин" share a skeleton, but "машину"
     * is spelled right and must not read as fraud.
     */
    private static boolean misspelledWithin(Message message, int start, int end) {
        String[] words = message.folded().split(" ", -1);
        int first = countSpaces(message.skeleton(), start);
        int last = countSpaces(message.skeleton(), Math.max(start, end - 1));
        for (int i = first; i <= last && i < words.length; i++) {
            String w = words[i];
            if (w.length() > 1 && w.chars().allMatch(Character::isLetter)
                    && Morphology.russian().readings(w).stream().allMatch(r -> r.has("Name") || r.has("Fam") || r.has("Patr"))) {
                return true;
            }
        }
        return false;
    }

    private static int countSpaces(String text, int until) {
        int n = 0;
        for (int i = 0; i < until; i++) {
            n += text.charAt(i) == ' ' ? 1 : 0;
        }
        return n;
    }

    /** A client's message as the intents read it: {@link #fold folded}, and its {@link #skeleton}. */
    public record Message(String folded, String skeleton) {
    }

    /** The message the intents read. */
    public static Message read(String question) {
        String folded = fold(question);
        return new Message(folded, skeleton(folded));
    }

    /**
     * The sounds of a folded text, for typos that spell a word as it is heard: о as а, е/э/ы as и, я
     * as а, ю as у, no ь/ъ, a doubled letter once ("абработку" and "обработку", "денги" and "деньги",
     * "вернитте" and "верните" read alike). Applied to a pattern's source as well: a pattern's syntax
     * is Latin, so only its Cyrillic words change. Uses no static field: the constants call it.
     */
    static String skeleton(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = switch (text.charAt(i)) {
                case 'о' -> 'а';
                case 'е', 'э', 'ы' -> 'и';
                case 'я' -> 'а';
                case 'ю' -> 'у';
                default -> text.charAt(i);
            };
            if (c == 'ь' || c == 'ъ') {
                continue;
            }
            boolean cyrillic = c >= 'а' && c <= 'я';
            if (cyrillic && out.length() > 0 && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * "я записывался на завтра, подтвердите", "заказывала уборку на сегодня, где клинеры": the client
     * booked, ordered, left or handed in something (a past verb of booking, by the dictionary, not
     * negated) and asks about that booking — its day, its state, whether it holds. "Никогда не
     * заказывала, как это происходит?" and "заказывал у вас в прошлом году, скидка есть?" are questions
     * about the terms.
     */
    private static boolean bookedByMe(String folded) {
        if (!BOOKING_ASKED.matcher(folded).find()) {
            return false;
        }
        String[] words = folded.trim().split(" ");
        for (int i = 0; i < words.length; i++) {
            int at = i;
            boolean booked = Morphology.russian().readings(words[i]).stream()
                    .anyMatch(r -> r.is("VB:Past") && BOOKING.contains(r.lemma()));
            boolean negated = i > 0 && (words[i - 1].equals("не") || words[i - 1].equals("никогда"));
            if (booked && !negated && !supposed(words, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "химчистка была вчера, а пятно осталось где было", "после обработки клопы никуда не делись":
     * the trouble stayed after a service of the last days (or one named with "после"), not after
     * another firm's.
     */
    private static boolean nothingChanged(String folded) {
        return STAYED.matcher(folded).find() && (LATELY.matcher(folded).find() || AFTER_SERVICE.matcher(folded).find())
                && !ELSEWHERE.matcher(folded).find();
    }

    /**
     * "травили у нас две недели назад", "вчера у меня убирали": a past plural next to "у меня"/"у
     * нас" (or "вы" with a past plural), in a message that says it was lately — a visit to this
     * client. Without a recent time it may be anyone's ("у нас делали ремонт, нужна уборка").
     */
    private static boolean doneAtMineLately(String folded) {
        if (!LATELY.matcher(folded).find() || ELSEWHERE.matcher(folded).find()) {
            return false;
        }
        String[] words = folded.trim().split(" ");
        for (int i = 0; i < words.length; i++) {
            boolean mine = i + 1 < words.length && words[i].equals("у") && (words[i + 1].equals("меня") || words[i + 1].equals("нас"));
            boolean you = words[i].equals("вы");
            if (!mine && !you || supposed(words, i)) {
                continue;
            }
            for (int j = Math.max(0, i - 2); j < Math.min(words.length, i + (you ? 4 : 4)); j++) {
                if (j != i && (!mine || j != i + 1) && pastVerb(words[j], Set.of("PL"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One of the business's people did something, in the past: "мастер приходил в среду",
     * "курьер забрал ковёр", "делал мастер Денис", "ваш сотрудник курил на балконе" — the staff
     * word as a subject (nominative) and a verb the dictionary tags as past, agreeing in number,
     * right before it or within four words after, whatever the verb. Not a verb of speech ("мастер
     * сказал, что надо везти в мастерскую" reports advice and asks about the terms), not in a
     * condition ("если мастер что-то сломал бы"), not another firm's people ("мастер из другой
     * конторы испортил").
     */
    private static boolean staffDidIt(String folded) {
        if (ELSEWHERE.matcher(folded).find()) {
            return false;
        }
        String[] words = folded.trim().split(" ");
        for (int i = 0; i < words.length; i++) {
            boolean staff = STAFF.matcher(words[i]).matches()
                    || i > 0 && YOUR.matcher(words[i - 1]).matches() && PERSON.matcher(words[i]).matches();
            if (!staff || supposed(words, i)) {
                continue;
            }
            Set<String> numbers = subjectNumbers(words[i]);
            // «мастер ваш вчера у меня был»: a possessive after the staff word is part of the subject
            int reach = i + 1 < words.length && YOUR.matcher(words[i + 1]).matches() ? 6 : 5;
            for (int j = Math.max(0, i - 1); j < Math.min(words.length, i + reach); j++) {
                if (j != i && pastVerb(words[j], numbers)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean supposed(String[] words, int at) {
        for (int k = 0; k < Math.min(words.length, at + 6); k++) {
            if (words[k].equals("если") || words[k].equals("вдруг") || words[k].equals("бы")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Sin" and/or "PL" for the nominative readings of a word; for a word the dictionary does not
     * know, from its ending: "клинер", "клинерша" one, "клинеры" several, "клинера" not a subject.
     */
    private static Set<String> subjectNumbers(String word) {
        List<Morphology.Reading> readings = Morphology.russian().readings(word);
        if (readings.isEmpty()) {
            return word.matches(".*[ыи]") ? Set.of("PL") : word.matches(".*([бвгджзклмнпрстфхцчшщ]|ша|ца)") ? Set.of("Sin") : Set.of();
        }
        Set<String> numbers = new HashSet<>();
        readings.stream().filter(r -> r.has("Nom")).forEach(r -> numbers.add(r.has("PL") ? "PL" : "Sin"));
        return numbers;
    }

    /** A past verb, not of speech, in one of {@code numbers} (any gender in the singular: "клинер опоздала"). */
    private static boolean pastVerb(String word, Set<String> numbers) {
        return Morphology.russian().readings(word).stream().anyMatch(r -> r.is("VB:Past") && !SPEECH.contains(r.lemma())
                && numbers.contains(r.has("PL") ? "PL" : "Sin"));
    }

    /**
     * "у вас меняли колодки", "у вас чинили в мае": a verb in the past plural right after "у вас"
     * (done at the business, to this client) — read by the dictionary's tags, so any verb of any
     * trade counts. "были" does not ("у вас были скидки?" asks about the terms).
     */
    private static boolean doneAtYours(String folded) {
        String[] words = folded.trim().split(" ");
        for (int i = 0; i + 2 < words.length; i++) {
            if (!words[i].equals("у") || !words[i + 1].equals("вас")) {
                continue;
            }
            for (int j = i + 2; j < Math.min(words.length, i + 5); j++) {
                if (Morphology.russian().readings(words[j]).stream()
                        .anyMatch(r -> r.is("VB:Past") && r.has("PL") && !r.lemma().equals("быть"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first intent a person must handle in {@code question}, in declaration order. */
    public static Optional<HandoffIntent> of(String question) {
        Message text = read(question);
        for (HandoffIntent intent : values()) {
            if (intent.in(text)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    /** Lower case, ё as е, runs of punctuation as one space: the text every pattern reads. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return " " + PUNCTUATION.matcher(lower).replaceAll(" ").trim() + " ";
    }
}
