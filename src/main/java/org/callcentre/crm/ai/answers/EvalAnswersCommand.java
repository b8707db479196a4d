package org.callcentre.crm.ai.answers;

import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.serde.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code eval-answers --kb <kb.csv> --questions <questions.jsonl> [--threshold 0.5] [--verbose]}:
 * measures the answer decision on any knowledge base and question set, with no server and no
 * database. The threshold and never-alone rules are the configured ones ({@code crm.ai.*} in
 * application.yml or their environment variables) unless {@code --threshold} is given.
 */
public final class EvalAnswersCommand {
    public static final String NAME = "eval-answers";

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
            AnswerPolicy policy = configuredPolicy(options.get("--threshold"));
            List<KbCsvEntry> kb;
            try (Reader in = Files.newBufferedReader(Path.of(options.get("--kb")), StandardCharsets.UTF_8)) {
                kb = KnowledgeCsv.read(in);
            }
            List<IndexedEntry> entries = new ArrayList<>();
            for (KbCsvEntry e : kb) {
                entries.add(new IndexedEntry(entries.size() + 1, e.category(), e.title(), e.questions(), e.answer(), e.city()));
            }
            List<EvalQuestion> questions = questions(Path.of(options.get("--questions")));
            AnswerEvaluation.Report report = AnswerEvaluation.run(new AnswerDecider(policy), KnowledgeIndex.of(entries), questions);
            print(report, policy, entries.size(), out, options.containsKey("--verbose"));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.println("eval-answers: " + e.getMessage());
            return 2;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
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

    /** The policy application.yml (and CRM_AI_* variables) configure, read without starting the application. */
    static AnswerPolicy configuredPolicy(String thresholdOverride) {
        try (Environment env = new DefaultEnvironment(() -> List.of()).start()) {
            AiSettings settings = AiSettings.from(env);
            double threshold = thresholdOverride == null ? settings.threshold() : Double.parseDouble(thresholdOverride);
            return new AnswerPolicy(threshold, settings.neverAloneCategories(), settings.neverAloneKeywords());
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
            questions.add(new EvalQuestion(i + 1, question, city instanceof String c && !c.isBlank() ? c : null, expected));
        }
        return questions;
    }

    private static void print(AnswerEvaluation.Report r, AnswerPolicy policy, int entries, PrintStream out, boolean verbose) {
        out.printf(Locale.ROOT, "knowledge base: %d entries; questions: %d (%d answerable, %d hand-off)%n",
                entries, r.questions(), r.answerable(), r.handoffItems());
        out.printf(Locale.ROOT, "threshold: %.2f%n", policy.threshold());
        out.printf(Locale.ROOT, "answers sent: %d, right: %d%n", r.sent(), r.right());
        out.printf(Locale.ROOT, "precision of answers sent: %.1f %%%n", 100 * r.precision());
        out.printf(Locale.ROOT, "coverage of answerable questions: %.1f %%%n", 100 * r.coverage());
        out.printf(Locale.ROOT, "wrong-answer rate: %.1f %%%n", 100 * r.wrongAnswerRate());
        out.printf(Locale.ROOT, "missed hand-offs: %d of %d%n", r.missedHandoffs(), r.handoffItems());
        for (AnswerEvaluation.Outcome o : r.mistakes()) {
            out.printf(Locale.ROOT, "WRONG line %d: \"%s\" expected %s, sent \"%s\" (%.3f)%n", o.question().line(),
                    o.question().question(), o.question().expected(), o.decision().title(), o.decision().confidence());
        }
        if (verbose) {
            for (AnswerEvaluation.Outcome o : r.notAnswered()) {
                out.printf(Locale.ROOT, "HANDED OFF line %d: \"%s\" expected %s, %s (%.3f, best %s)%n", o.question().line(),
                        o.question().question(), o.question().expected(), o.decision().reason(), o.decision().confidence(),
                        o.decision().sources().isEmpty() ? "-" : o.decision().sources().get(0).title());
            }
        }
    }
}
