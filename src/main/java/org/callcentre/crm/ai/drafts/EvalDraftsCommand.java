package org.callcentre.crm.ai.drafts;

import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.shared.ApiException;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code eval-drafts --calls <calls.jsonl> [--verbose]}: sends each line's {@code text}, {@code city}
 * and {@code callTime} through the service path of {@code POST /api/ai/order-draft} (the rules, with
 * the shipped towns and the configured {@code crm.ai.cities}; no database, no language model) and scores
 * the answers by the accuracy rules of {@code ai-eval-rules.md}: accuracy per field, and the share of
 * lines with every field right, for all lines and per {@code kind}. Prints the draft time (p50, p95)
 * and the machine's load average, since the time means little without it.
 */
public final class EvalDraftsCommand {
    public static final String NAME = "eval-drafts";
    /** The hard kinds of the rules file; the set's writers also count declined names and intervals as hard. */
    static final Set<String> HARD = Set.of("date-changed", "address-corrected", "two-addresses", "another-city", "wrong-number",
            "price-only");
    static final Set<String> ALSO_HARD_FOR_WRITERS = Set.of("declined-name", "interval");

    /** One line of a set: what the draft was asked from, what it should hold, and what it held. */
    record Scored(int line, String kind, Map<String, String> expected, Map<String, String> actual, Map<String, Boolean> right,
                  long nanos) {
        boolean allRight() {
            return right.values().stream().allMatch(Boolean::booleanValue);
        }
    }

    /** Accuracy per field and the share with every field right, over some lines. */
    record Tally(int lines, Map<String, Integer> rightPerField, int allRight) {
        static Tally of(List<Scored> scored) {
            Map<String, Integer> per = new LinkedHashMap<>();
            DraftScoring.FIELDS.forEach(f -> per.put(f, (int) scored.stream().filter(s -> s.right().get(f)).count()));
            return new Tally(scored.size(), per, (int) scored.stream().filter(Scored::allRight).count());
        }

        double accuracy(String field) {
            return lines == 0 ? 0 : (double) rightPerField.get(field) / lines;
        }

        double allRightShare() {
            return lines == 0 ? 0 : (double) allRight / lines;
        }
    }

    private EvalDraftsCommand() {
    }

    /** @return the process exit code: 0 when it ran, 2 on bad arguments or an unreadable file */
    public static int run(String[] args, PrintStream out) {
        Path file = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--calls") && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if (args[i].equals("--verbose")) {
                verbose = true;
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            out.println("usage: " + NAME + " --calls <calls.jsonl> [--verbose]");
            return 2;
        }
        try {
            List<Scored> scored = evaluate(file, configuredDrafts());
            print(scored, out, verbose);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println(NAME + ": " + e.getMessage());
            return 2;
        }
    }

    /** The drafts service as application.yml (and CRM_AI_CITIES, CRM_DEFAULT_TIMEZONE) configure it, without starting the application. */
    static OrderDrafts configuredDrafts() {
        try (Environment env = new DefaultEnvironment(() -> List.of()).start()) {
            List<String> cities = env.get("crm.ai.cities", Argument.listOf(String.class)).orElse(List.of());
            String zone = env.get("crm.default-timezone", String.class).orElse("Europe/Moscow");
            return OrderDrafts.offline(cities, ZoneId.of(zone));
        }
    }

    /** Every line drafted twice: once to load the dictionaries, then timed and scored. */
    static List<Scored> evaluate(Path file, OrderDrafts drafts) throws IOException {
        ObjectMapper json = ObjectMapper.getDefault();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Scored> scored = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            scored.clear();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = json.readValue(lines.get(i), JsonNode.class);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a JSON object");
                }
                scored.add(score(i + 1, row, drafts));
            }
        }
        return scored;
    }

    private static Scored score(int line, JsonNode row, OrderDrafts drafts) {
        OrderDraftRequest request = new OrderDraftRequest(string(row, "text"), string(row, "city"), string(row, "callTime"));
        long started = System.nanoTime();
        OrderDraft draft;
        try {
            draft = drafts.draft(request);
        } catch (ApiException refused) {
            draft = null;
        }
        long nanos = System.nanoTime() - started;
        JsonNode expectedNode = row.get("expected");
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, Boolean> right = new LinkedHashMap<>();
        for (String field : DraftScoring.FIELDS) {
            String want = expectedNode == null ? null : string(expectedNode, field);
            String got = draft == null ? null : value(draft, field);
            expected.put(field, want);
            actual.put(field, got);
            right.put(field, DraftScoring.right(field, want, got));
        }
        String kind = string(row, "kind");
        return new Scored(line, kind == null ? "ordinary" : kind, expected, actual, right, nanos);
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.coerceStringValue();
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

    private static void print(List<Scored> scored, PrintStream out, boolean verbose) {
        out.printf(Locale.ROOT, "calls: %d%n", scored.size());
        out.printf(Locale.ROOT, "%-22s %5s %6s %8s %10s %8s %6s %6s %8s%n", "kind", "lines", "city", "address", "equipment",
                "problem", "visit", "name", "all-right");
        Map<String, List<Scored>> byKind = new TreeMap<>();
        scored.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s));
        row(out, "ALL", Tally.of(scored));
        row(out, "ordinary", Tally.of(scored.stream().filter(s -> s.kind().equals("ordinary")).toList()));
        row(out, "hard (rules file)", Tally.of(scored.stream().filter(s -> HARD.contains(s.kind())).toList()));
        row(out, "hard (+declined,interval)", Tally.of(scored.stream().filter(s -> !s.kind().equals("ordinary")).toList()));
        byKind.forEach((kind, lines) -> row(out, "  " + kind, Tally.of(lines)));
        long[] nanos = scored.stream().mapToLong(Scored::nanos).sorted().toArray();
        out.printf(Locale.ROOT, "draft time: p50 %.2f ms, p95 %.2f ms, max %.2f ms (second pass, dictionaries loaded)%n",
                percentile(nanos, 0.50), percentile(nanos, 0.95), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6);
        out.printf(Locale.ROOT, "load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (verbose) {
            for (Scored s : scored) {
                for (String field : DraftScoring.FIELDS) {
                    if (!s.right().get(field)) {
                        out.printf(Locale.ROOT, "WRONG line %d (%s) %s: expected %s, got %s%n", s.line(), s.kind(), field,
                                s.expected().get(field), s.actual().get(field));
                    }
                }
            }
        }
    }

    private static void row(PrintStream out, String label, Tally t) {
        out.printf(Locale.ROOT, "%-22s %5d %6.2f %8.2f %10.2f %8.2f %6.2f %6.2f %7.0f %%%n", label, t.lines(), t.accuracy("city"),
                t.accuracy("address"), t.accuracy("equipmentType"), t.accuracy("problem"), t.accuracy("visitDate"),
                t.accuracy("clientName"), 100 * t.allRightShare());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
