package org.callcentre.crm.knowledge;

import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.callcentre.crm.language.Morphology;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How client questions and knowledge-base text are cut into terms: each word becomes its lemma in
 * the Russian dictionary ({@link Morphology}: "стиральную" and "стиральной" are one term, which a
 * stemmer cannot promise for "пришёл"/"придёт"), a misspelled word is first corrected by the
 * dictionary's speller, colloquial words are read through the {@link Lexicon}, Latin words are
 * stemmed (Porter), and stop words and greetings go. Question words (когда, где, сколько…) stay:
 * in this domain they tell "when will the master come" from "where do you work".
 */
final class TextTerms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final Set<String> KEPT_QUESTION_WORDS = Set.of("когда", "где", "куда", "можно", "нельзя", "зачем",
            "почему", "какой", "какая", "сколько", "больше", "нет", "не", "без");
    /** Words a message is padded with in a chat: greetings, politeness, fillers, the verbs of asking. */
    private static final Set<String> FILLER_LEMMAS = Set.of("здравствуйте", "здравствовать", "здрасьте", "привет", "добрый",
            "спасибо", "пожалуйста", "подсказать", "сказать", "скажите", "подскажите", "вот", "ну", "вообще", "просто",
            "очень", "еще", "уже", "там", "тут", "это", "этот", "хотеть", "мочь", "быть", "вы", "ваш", "я", "мой", "мы",
            "наш", "у", "который", "такой", "так", "какой-то", "какой-нибудь", "нибудь", "нить", "что-то", "вопрос",
            "узнать", "интересовать", "интересно", "алло", "девушка", "ребята", "день", "вечер", "утро", "ли",
            "бы", "же", "а", "и", "или", "но", "если", "типа", "короче", "блин");
    private static final Set<String> STOP_FORMS = stopForms();
    /** A sentence: up to its end mark (kept, so a question mark is seen) or a line break. */
    private static final Pattern SENTENCE = Pattern.compile("[^.!?…;\\n]+[.!?…;]*");
    /** Words that ask or request, at the start of a word of the folded sentence. */
    private static final Pattern ASKING = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
            // question words and the particle of a yes/no question
            + "(?:как|где|куда|откуда|когда|почему|зачем|чем|ли|можно|нельзя|надо|нужно|нужна|нужен|нужны|"
            + "как(?:ой|ая|ое|ие|ую|ом|их|им|ими|ого|ому|ов|ова|ово|овы)|сколько|скока|скоко|почем|есть\\s+ли"
            + "|что\\s+(?:делать|нужно|надо|входит))(?![\\p{L}\\p{N}])"
            // asking and wanting: "подскажите", "хотела узнать", "интересует", "прошу"
            + "|подскаж|скажите|расскаж|объясн|уточн|интересу|узнать|спросить|хотел|хочу|хотим|хотят|требуется|прошу|посовет)");
    /** The weight of a term found only in the sentences around the question. */
    static final double CONTEXT_EMPHASIS = 0.4;
    private static final String COSTS = "стоить";
    private static final int COMMON_FROM = 11;
    private static final double COMMON_SLOPE = 0.1;
    private static final double COMMON_FLOOR = 0.2;
    private static final Set<String> MONEY_TERMS = Set.of("сколько", "цена", "рубль", "деньги", "тысяча", "дорогой", "дешевый",
            "дорого", "дешево", "скидка", "оплата", "доплата");

    private final Lexicon lexicon;
    private final Lexicon needs;
    private final Morphology morphology;
    private final Map<String, List<String>> needTerms = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    TextTerms(Lexicon lexicon) {
        this(lexicon, Lexicon.none());
    }

    TextTerms(Lexicon lexicon, Lexicon needs) {
        this.lexicon = lexicon;
        this.morphology = Morphology.russian();
        this.needs = needs;
    }

    /**
     * The services a base may name for a need said in {@code term} (a term of {@link #terms}: "течь",
     * "укус", "сливать"), as terms; empty when the word tells of no need. Looked up by the term, and by
     * its stem for words the dictionary does not know.
     */
    List<String> needOf(String term) {
        List<String> named = needs.meaning(term);
        List<String> services = named != null ? named : needs.meaning(stem(term));
        if (services == null) {
            return List.of();
        }
        return needTerms.computeIfAbsent(String.join(" ", services), k -> {
            List<String> read = new ArrayList<>();
            services.forEach(service -> read.addAll(termsOfToken(fold(service))));
            return List.copyOf(read);
        });
    }

    /**
     * Each term of a message with how much it speaks to what is asked: 1 in the sentences that ask
     * (a question mark, a question word, a request: "сколько…", "можно ли…", "подскажите…",
     * "нужна уборка"), {@value #CONTEXT_EMPHASIS} in the others when some sentence asks and others do
     * not — the story around a question ("у нас частный дом в два этажа, жена после операции…")
     * tells what it is about but not what is wanted, and should not drown the question. A term in
     * both counts in full. A message of one sentence, or one where no sentence or every sentence
     * asks, weighs every term in full.
     */
    Map<String, Double> emphasis(String text) {
        Map<String, Double> emphasis = new LinkedHashMap<>();
        if (text == null) {
            return emphasis;
        }
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                sentences.add(m.group());
            }
        }
        List<Boolean> asking = sentences.stream().map(TextTerms::asks).toList();
        boolean mixed = asking.contains(true) && asking.contains(false);
        boolean aboutMoney = speaksOfMoney(text);
        for (int i = 0; i < sentences.size(); i++) {
            double weight = !mixed || asking.get(i) ? 1 : CONTEXT_EMPHASIS;
            for (String term : terms(sentences.get(i), aboutMoney)) {
                emphasis.merge(term, weight, Math::max);
            }
        }
        return emphasis;
    }

    /** Whether a sentence asks or requests something: a question mark, a question word or a word of wanting. */
    static boolean asks(String sentence) {
        return sentence.strip().endsWith("?") || ASKING.matcher(fold(sentence)).find();
    }

    /** The terms of a text, in order, duplicates kept. */
    List<String> terms(String text) {
        return text == null ? new ArrayList<>() : terms(text, speaksOfMoney(text));
    }

    /** Whether any word of the text asks or names money (a word of price, a sum). */
    private boolean speaksOfMoney(String text) {
        Matcher m = WORD.matcher(fold(text));
        while (m.find()) {
            if (namesMoney(m.group())) {
                return true;
            }
        }
        return false;
    }

    private List<String> terms(String text, boolean aboutMoney) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(fold(text));
        while (m.find()) {
            String token = m.group();
            String stands = aboutMoney ? null : otherThanCosts(token);
            terms.addAll(stands != null ? List.of(stands) : cache.computeIfAbsent(token, this::termsOfToken));
        }
        return terms;
    }

    /**
     * The other lemma of a form that is also one of "стоить" ("стоит", "стоят" are "costs" and
     * "stands"), or null: without a word of money in the message the verb stands ("вода стоит",
     * "машинка стоит в гараже") and must not turn the message into a question of price.
     */
    private String otherThanCosts(String token) {
        List<Morphology.Reading> readings = morphology.readings(token);
        if (readings.stream().noneMatch(r -> r.lemma().equals(COSTS))) {
            return null;
        }
        return readings.stream().map(Morphology.Reading::lemma).filter(l -> !l.equals(COSTS)).findFirst().orElse(null);
    }

    /** Whether a word asks or names money (сколько, цена and its colloquial words, a sum), other than "стоить" itself. */
    private boolean namesMoney(String token) {
        if (token.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        if (morphology.readings(token).stream().anyMatch(r -> r.lemma().equals(COSTS))) {
            return false;
        }
        return cache.computeIfAbsent(token, this::termsOfToken).stream().anyMatch(MONEY_TERMS::contains);
    }

    private List<String> termsOfToken(String token) {
        if (lexicon.contains(token) || token.indexOf('-') < 0) {
            return termsOfWord(token);
        }
        List<String> terms = new ArrayList<>();
        for (String part : token.split("-")) {
            terms.addAll(termsOfWord(part));
        }
        return terms;
    }

    private List<String> termsOfWord(String word) {
        List<String> meaning = lexicon.meaning(word);
        if (meaning != null) {
            return canonical(meaning);
        }
        if (word.chars().allMatch(Character::isDigit) || STOP_FORMS.contains(word)) {
            return List.of();
        }
        if (word.chars().allMatch(c -> c < 128)) {
            return List.of(stem(new EnglishStemmer(), word));
        }
        String lemma = lemma(word);
        if (lemma == null) {
            meaning = lexicon.meaning(stem(word));
            if (meaning != null) {
                return canonical(meaning);
            }
            String fixed = morphology.spellingFix(word);
            if (fixed == null) {
                return List.of(word);
            }
            meaning = lexicon.meaning(fixed);
            if (meaning != null) {
                return canonical(meaning);
            }
            lemma = lemma(fixed);
            if (lemma == null) {
                return List.of(word);
            }
        }
        meaning = lexicon.meaning(lemma);
        if (meaning != null) {
            return canonical(meaning);
        }
        return FILLER_LEMMAS.contains(lemma) || STOP_FORMS.contains(lemma) ? List.of() : List.of(lemma);
    }

    private List<String> canonical(List<String> words) {
        List<String> terms = new ArrayList<>();
        for (String w : words) {
            String lemma = lemma(w);
            terms.add(lemma == null ? w : lemma);
        }
        return terms;
    }

    /**
     * The dictionary's lemma of a known word, null for a word it does not know. A common word is
     * preferred to a proper name ("машиной" is "машина", not the surname "Машин"); of several
     * lemmas, one the lexicon reads, else the one most common in the language ("вещи" is "вещь", not
     * "вещий"; "какая" is "какой", not a verb).
     */
    private String lemma(String word) {
        List<Morphology.Reading> readings = morphology.readings(word);
        List<String> common = readings.stream().filter(r -> !r.has("Name") && !r.has("Fam") && !r.has("Patr"))
                .map(Morphology.Reading::lemma).distinct().toList();
        List<String> lemmas = common.isEmpty() ? readings.stream().map(Morphology.Reading::lemma).distinct().toList() : common;
        if (lemmas.size() <= 1) {
            return lemmas.isEmpty() ? null : lemmas.get(0);
        }
        return lemmas.stream().filter(lexicon::contains).findFirst()
                .orElseGet(() -> lemmas.stream().max(java.util.Comparator.comparingInt(morphology::frequency)).orElseThrow());
    }

    /** Whether {@code term} only asks (где, когда, сколько…) and names nothing the question is about. */
    static boolean isQuestionWord(String term) {
        return KEPT_QUESTION_WORDS.contains(term);
    }

    /** Whether the dictionary knows {@code term} as a word (a lemma it gave, not a misspelling it could not read). */
    boolean isWord(String term) {
        return !morphology.readings(term).isEmpty();
    }

    /** Whether the dictionary reads {@code term} (a lemma) first as a noun: a thing or a service, not a symptom. */
    boolean isNoun(String term) {
        List<Morphology.Reading> readings = morphology.readings(term);
        return !readings.isEmpty() && readings.get(0).is("NN");
    }

    /**
     * How much a word can say about a topic by how common it is in the language at large: 1 for
     * words of frequency class {@value #COMMON_FROM} or rarer, falling by {@value #COMMON_SLOPE} a class
     * to {@value #COMMON_FLOOR} for the most common ("сделать", "время", "сразу").
     */
    double specificity(String term) {
        int frequency = morphology.frequency(term);
        return Math.max(COMMON_FLOOR, 1 - COMMON_SLOPE * Math.max(0, frequency - COMMON_FROM));
    }

    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The Russian Snowball stem, for words the dictionary does not know. */
    static String stem(String word) {
        return stem(new RussianStemmer(), word);
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Set<String> stopForms() {
        Set<String> stop = new HashSet<>();
        RussianAnalyzer.getDefaultStopSet().forEach(word -> stop.add(new String((char[]) word)));
        stop.removeAll(KEPT_QUESTION_WORDS);
        stop.addAll(FILLER_LEMMAS);
        return Set.copyOf(stop);
    }
}
