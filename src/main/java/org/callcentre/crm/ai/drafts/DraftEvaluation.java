package org.callcentre.crm.ai.drafts;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the offline draft maker against transcripts with known answers, one JSON object a line:
 * {@code {"text","callTime","expected":{"city","address","equipmentType","problem","visitDate","clientName"}}}.
 * A field counts as right when it equals the expected value after normalization (case, ё, punctuation,
 * «улица»/«ул.»); the problem, free text, when its stems overlap the expected ones by half or more
 * (Jaccard ≥ 0.5). A wrong value is both a false positive and a false negative.
 */
public final class DraftEvaluation {
    public static final List<String> FIELDS = List.of("city", "address", "equipmentType", "problem", "visitDate", "clientName");
    /** The cities the committed set was written for; a line's {@code city} hint is not given to the rules. */
    public static final List<String> CITIES = List.of("Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск",
            "Нижний Новгород", "Самара");

    public record FieldScore(String field, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public record Result(int transcripts, Map<String, FieldScore> scores, List<String> mistakes) {
    }

    private DraftEvaluation() {
    }

    public static Result evaluate(Path jsonl, OrderDraftRules rules) throws IOException {
        ObjectMapper mapper = ObjectMapper.getDefault();
        Map<String, int[]> counts = new LinkedHashMap<>();
        FIELDS.forEach(f -> counts.put(f, new int[3]));
        List<String> mistakes = new ArrayList<>();
        int lines = 0;
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            JsonNode row = mapper.readValue(line, JsonNode.class);
            String text = row.get("text").getStringValue();
            JsonNode callTimeNode = row.get("callTime");
            LocalDateTime callTime = callTimeNode == null || callTimeNode.isNull() ? LocalDateTime.now()
                    : OffsetDateTime.parse(callTimeNode.getStringValue()).toLocalDateTime();
            OrderDraft draft = rules.draft(text, null, callTime);
            JsonNode expected = row.get("expected");
            for (String field : FIELDS) {
                JsonNode e = expected == null ? null : expected.get(field);
                String want = e == null || e.isNull() ? null : e.getStringValue();
                String got = value(draft, field);
                int[] c = counts.get(field);
                boolean right = want != null && got != null && matches(field, want, got);
                if (right) {
                    c[0]++;
                } else {
                    if (got != null) {
                        c[1]++;
                    }
                    if (want != null) {
                        c[2]++;
                    }
                    if (got != null || want != null) {
                        mistakes.add("line " + lines + " " + field + ": expected " + want + ", got " + got);
                    }
                }
            }
        }
        Map<String, FieldScore> scores = new LinkedHashMap<>();
        counts.forEach((f, c) -> scores.put(f, new FieldScore(f, c[0], c[1], c[2])));
        return new Result(lines, scores, mistakes);
    }

    static String value(OrderDraft d, String field) {
        DraftField f = switch (field) {
            case "city" -> d.city();
            case "address" -> d.address();
            case "equipmentType" -> d.equipmentType();
            case "problem" -> d.problem();
            case "visitDate" -> d.visitDate();
            case "clientName" -> d.clientName();
            default -> throw new IllegalArgumentException(field);
        };
        return f == null ? null : f.value();
    }

    static boolean matches(String field, String expected, String actual) {
        if (field.equals("problem")) {
            Set<String> a = new HashSet<>(RussianStems.stems(expected));
            Set<String> b = new HashSet<>(RussianStems.stems(actual));
            Set<String> union = new HashSet<>(a);
            union.addAll(b);
            a.retainAll(b);
            return !union.isEmpty() && (double) a.size() / union.size() >= 0.5;
        }
        return normalize(expected).equals(normalize(actual));
    }

    static String normalize(String value) {
        String v = " " + RussianStems.normalize(value).replaceAll("[.,;:]", " ").replace('-', ' ') + " ";
        v = v.replace(" улица ", " ул ").replace(" дом ", " д ").replace(" квартира ", " кв ").replace(" корпус ", " корп ")
                .replace(" проспект ", " пр т ").replace(" переулок ", " пер ").replace(" шоссе ", " ш ")
                .replace(" бульвар ", " б р ").replace(" набережная ", " наб ");
        return v.trim().replaceAll("\\s+", " ");
    }

    /** {@code eval-drafts --transcripts <file.jsonl> [--show-mistakes]}: prints per-field precision, recall and F1. */
    public static void main(String[] args) throws IOException {
        Path file = null;
        boolean showMistakes = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--transcripts") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (args[i].equals("--show-mistakes")) {
                showMistakes = true;
            }
        }
        if (file == null) {
            System.err.println("usage: eval-drafts --transcripts <file.jsonl> [--show-mistakes]");
            System.exit(2);
            return;
        }
        Result result = evaluate(file, new OrderDraftRules(CITIES));
        System.out.println("transcripts: " + result.transcripts());
        System.out.printf(Locale.ROOT, "%-14s %9s %9s %9s %5s %5s %5s%n", "field", "precision", "recall", "F1", "TP", "FP", "FN");
        for (FieldScore s : result.scores().values()) {
            System.out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %5d %5d %5d%n", s.field(), s.precision(), s.recall(), s.f1(),
                    s.truePositives(), s.falsePositives(), s.falseNegatives());
        }
        if (showMistakes) {
            result.mistakes().forEach(System.out::println);
        }
    }
}
