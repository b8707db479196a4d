package org.callcentre.crm.ai.answers;

import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.ai.llm.ChatCompletions;
import org.callcentre.crm.ai.llm.LlmBudget;
import org.callcentre.crm.ai.llm.LlmSettings;
import org.callcentre.crm.knowledge.IndexedEntry;
import org.callcentre.crm.knowledge.KbCsvEntry;
import org.callcentre.crm.knowledge.KnowledgeCsv;
import org.callcentre.crm.knowledge.KnowledgeIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval-answers --kb <kb.csv> --questions <questions.jsonl> [--threshold 0.40] [--verbose]}:
 * asks every line, with its own city, through {@link AnswerFlow} — the path of
 * {@code POST /api/ai/answer} — on a knowledge base read from CSV, with no server and no database,
 * and scores by ai-eval-rules.md: overall, per {@code kind} of line, and the reliability of the
 * confidence (how often retrieval's best entry was right, per band of confidence). The threshold,
 * the never-alone rules and the language model are the configured ones ({@code crm.ai.*} in
 * application.yml or their environment variables) unless {@code --threshold} is given.
 */
public final class EvalAnswersCommand {
    public static final String NAME = "eval-answers";
    private static final double[] BANDS = {0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 1.0001};

    private EvalAnswersCommand() {
    }

    /** @return the process exit code: 0 when it ran, 2 on bad arguments or unreadable files */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println("usage: " + NAME + " --kb <kb.csv> --questions <questions.jsonl> [--threshold 0..1] [--verbose]");
            return 2;
        }
        try {
            AnswerFlow flow = configuredFlow(options.get("--threshold"));
            List<KbCsvEntry> kb;
            try (Reader in = Files.newBufferedReader(Path.of(options.get("--kb")), StandardCharsets.UTF_8)) {
                kb = KnowledgeCsv.read(in);
            }
            List<IndexedEntry> entries = new ArrayList<>();
            for (KbCsvEntry e : kb) {
                entries.add(new IndexedEntry(entries.size() + 1, e.category(), e.title(), e.questions(), e.answer(), e.city()));
            }
            List<EvalQuestion> questions = questions(Path.of(options.get("--questions")));
            AnswerEvaluation.Report report = AnswerEvaluation.run(flow, KnowledgeIndex.of(entries), questions);
            print(report, flow.policy(), entries.size(), out, options.containsKey("--verbose"));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println("eval-answers: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verbose" -> options.put("--verbose", "");
                case "--kb", "--questions", "--threshold" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!options.containsKey("--kb") || !options.containsKey("--questions")) {
            throw new IllegalArgumentException("--kb and --questions are required");
        }
        return options;
    }

    /** The flow application.yml (and CRM_AI_* variables) configure, read without starting the application. */
    static AnswerFlow configuredFlow(String thresholdOverride) {
        try (Environment env = new DefaultEnvironment(() -> List.of()).start()) {
            AiSettings settings = AiSettings.from(env);
            double threshold = thresholdOverride == null ? settings.threshold() : Double.parseDouble(thresholdOverride);
            LlmSettings llm = new LlmSettings(env.getProperty("crm.ai.llm.url", String.class).orElse(null),
                    env.getProperty("crm.ai.llm.api-key", String.class).orElse(null),
                    env.getProperty("crm.ai.llm.model", String.class).orElse("gpt-4o-mini"),
                    env.getProperty("crm.ai.llm.timeout", Duration.class).orElse(Duration.ofSeconds(10)));
            ObjectMapper json = ObjectMapper.getDefault();
            // an evaluation run by hand is outside the service's daily budget
            LlmBudget unlimited = characters -> { };
            return new AnswerFlow(new AnswerDecider(new AnswerPolicy(threshold, settings.neverAloneCategories(),
                    settings.neverAloneKeywords())), new LlmClient(new ChatCompletions(llm, json, unlimited), json));
        }
    }

    @SuppressWarnings("unchecked")
    static List<EvalQuestion> questions(Path file) throws IOException {
        ObjectMapper json = ObjectMapper.getDefault();
        List<EvalQuestion> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            Map<String, Object> item;
            try {
                item = json.readValue(line, Map.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a JSON object");
            }
            if (!(item.get("question") instanceof String question) || !(item.get("expected") instanceof String expected)) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": needs \"question\" and \"expected\" strings");
            }
            Object city = item.get("city");
            Object kind = item.get("kind");
            questions.add(new EvalQuestion(i + 1, question, city instanceof String c && !c.isBlank() ? c : null, expected,
                    kind instanceof String k && !k.isBlank() ? k : "-"));
        }
        return questions;
    }

    private static void print(AnswerEvaluation.Report r, AnswerPolicy policy, int entries, PrintStream out, boolean verbose) {
        AnswerEvaluation.Counts all = r.all();
        out.printf(Locale.ROOT, "knowledge base: %d entries; questions: %d (%d answerable, %d hand-off)%n",
                entries, all.questions(), all.answerable(), all.handoffItems());
        out.printf(Locale.ROOT, "threshold: %.2f%n", policy.threshold());
        out.printf(Locale.ROOT, "answers sent: %d, right: %d%n", all.sent(), all.right());
        out.printf(Locale.ROOT, "precision of answers sent: %.1f %%%n", 100 * all.precision());
        out.printf(Locale.ROOT, "coverage of answerable questions: %.1f %%%n", 100 * all.coverage());
        out.printf(Locale.ROOT, "wrong-answer rate: %.1f %%%n", 100 * all.wrongAnswerRate());
        out.printf(Locale.ROOT, "missed hand-offs: %d of %d%n", all.missedHandoffs(), all.handoffItems());
        long[] nanos = r.outcomes().stream().mapToLong(AnswerEvaluation.Outcome::nanos).sorted().toArray();
        if (nanos.length > 0) {
            out.printf(Locale.ROOT, "answer time: p50 %.1f ms, p95 %.1f ms, max %.1f ms (first question includes loading the dictionary)%n",
                    nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
        out.println("per kind: kind | lines | answerable | sent | right | precision | coverage | hand-offs answered");
        r.byKind().forEach((kind, c) -> out.printf(Locale.ROOT, "  %s | %d | %d | %d | %d | %.1f %% | %.1f %% | %d of %d%n", kind,
                c.questions(), c.answerable(), c.sent(), c.right(), 100 * c.precision(), 100 * c.coverage(),
                c.missedHandoffs(), c.handoffItems()));
        out.println("reliability (lines no hand-off rule caught): confidence | lines | best entry right");
        for (int b = 0; b + 1 < BANDS.length; b++) {
            double from = BANDS[b];
            double to = BANDS[b + 1];
            List<AnswerEvaluation.Outcome> band = r.outcomes().stream().filter(AnswerEvaluation.Outcome::decidedByConfidence)
                    .filter(o -> o.decision().confidence() >= from && o.decision().confidence() < to).toList();
            long right = band.stream().filter(AnswerEvaluation.Outcome::bestIsExpected).count();
            out.printf(Locale.ROOT, "  %.2f–%.2f | %d | %s%n", from, Math.min(1, to), band.size(),
                    band.isEmpty() ? "-" : String.format(Locale.ROOT, "%d (%.0f %%)", right, 100.0 * right / band.size()));
        }
        for (AnswerEvaluation.Outcome o : r.mistakes()) {
            out.printf(Locale.ROOT, "WRONG line %d [%s]: \"%s\" expected %s, sent \"%s\" (%.3f)%n", o.question().line(),
                    o.question().kind(), o.question().question(), o.question().expected(), o.decision().title(),
                    o.decision().confidence());
        }
        if (verbose) {
            for (AnswerEvaluation.Outcome o : r.notAnswered()) {
                out.printf(Locale.ROOT, "HANDED OFF line %d [%s]: \"%s\" expected %s, %s (%.3f, best %s)%n", o.question().line(),
                        o.question().kind(), o.question().question(), o.question().expected(), o.decision().reason(),
                        o.decision().confidence(), o.decision().sources().isEmpty() ? "-" : o.decision().sources().get(0).title());
            }
        }
    }
}
