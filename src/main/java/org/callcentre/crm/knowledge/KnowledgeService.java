package org.callcentre.crm.knowledge;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.audit.Changes;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.JsonValues;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

@Singleton
public class KnowledgeService {
    private static final int MAX_TITLE = 200;
    private static final int MAX_CATEGORY = 100;
    private static final int MAX_QUESTIONS = 100;
    private static final int MAX_ANSWER = 4000;

    private final KnowledgeRepository repository;
    private final CityDirectory cities;
    private final AuditLog audit;

    public KnowledgeService(KnowledgeRepository repository, CityDirectory cities, AuditLog audit) {
        this.repository = repository;
        this.cities = cities;
        this.audit = audit;
    }

    /** The numbers of entries an import created and updated. */
    @io.micronaut.serde.annotation.Serdeable
    public record ImportResult(int created, int updated) {
    }

    @Transactional
    public Page<KbEntry> list(String category, String city, PageRequest page) {
        return repository.list(category, cities.optionalId("city", city), page);
    }

    @Transactional
    public KbEntry get(long id) {
        return find(id);
    }

    @Transactional
    public KbEntry create(KbEntryRequest request, Actor actor) {
        Fields f = new Fields();
        String category = f.required("category", request.category(), MAX_CATEGORY);
        String title = f.required("title", request.title(), MAX_TITLE);
        List<String> questions = questions(f, request.questions(), true);
        String answer = f.required("answer", request.answer(), MAX_ANSWER);
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        f.throwIfAny();
        requireFreeTitle(title, cityId, null);
        long id = repository.insert(category, title, questions, answer, cityId, actor.id());
        audit.record(actor, "create", "kb_entry", id, new Changes().set("category", category).set("title", title)
                .set("questions", questions).set("answer", answer).set("city", request.city()).asMap());
        return find(id);
    }

    @Transactional
    public KbEntry update(long id, KbEntryRequest request, Actor actor) {
        KbEntry current = find(id);
        Fields f = new Fields();
        String category = request.category() == null ? current.category() : f.required("category", request.category(), MAX_CATEGORY);
        String title = request.title() == null ? current.title() : f.required("title", request.title(), MAX_TITLE);
        List<String> questions = request.questions() == null ? current.questions() : questions(f, request.questions(), true);
        String answer = request.answer() == null ? current.answer() : f.required("answer", request.answer(), MAX_ANSWER);
        Long cityId = request.city() == null ? cityIdOf(current) : f.attempt("city", () -> cities.optionalId("city", request.city()));
        f.throwIfAny();
        requireFreeTitle(title, cityId, id);
        repository.update(id, category, title, questions, answer, cityId);
        KbEntry updated = find(id);
        audit.record(actor, "update", "kb_entry", id, new Changes()
                .field("category", current.category(), updated.category())
                .field("title", current.title(), updated.title())
                .field("questions", current.questions(), updated.questions())
                .field("answer", current.answer(), updated.answer())
                .field("city", current.city(), updated.city()).asMap());
        return updated;
    }

    /**
     * Adds {@code question} to the entry's variants (a client's wording the AI did not reach); a
     * variant the entry already has is not added twice.
     */
    @Transactional
    public KbEntry addVariant(long id, String question, Actor actor) {
        KbEntry current = find(id);
        if (current.questions().contains(question)) {
            return current;
        }
        Fields f = new Fields();
        List<String> questions = new ArrayList<>(current.questions());
        questions.add(question);
        f.check(questions.size() <= MAX_QUESTIONS, "entryId", "the entry has " + MAX_QUESTIONS + " variants already");
        f.throwIfAny();
        repository.update(id, current.category(), current.title(), questions, current.answer(), cityIdOf(current));
        audit.record(actor, "update", "kb_entry", id, new Changes().field("questions", current.questions(), questions).asMap());
        return find(id);
    }

    @Transactional
    public void delete(long id, Actor actor) {
        KbEntry current = find(id);
        repository.delete(id);
        audit.record(actor, "delete", "kb_entry", id, Map.of("title", current.title()));
    }

    /**
     * Adds the file's entries, replacing those of the same title and city. Everything is checked
     * before the first write: a bad line or an unknown city is a 400 and nothing is imported.
     */
    @Transactional
    public ImportResult importCsv(String csv, Actor actor) {
        List<KbCsvEntry> entries;
        try {
            entries = KnowledgeCsv.read(new StringReader(csv == null ? "" : csv));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("file", e.getMessage());
        }
        Map<String, Long> cityIds = new HashMap<>();
        for (KbCsvEntry e : entries) {
            Fields f = new Fields();
            f.required("category", e.category(), MAX_CATEGORY);
            f.required("title", e.title(), MAX_TITLE);
            f.required("answer", e.answer(), MAX_ANSWER);
            f.check(e.questions().size() <= MAX_QUESTIONS, "question", "at most " + MAX_QUESTIONS + " per entry");
            e.questions().forEach(q -> f.required("question", q, Fields.MAX_TEXT));
            if (e.city() != null) {
                f.attempt("city", () -> cityIds.computeIfAbsent(e.city(), name -> cities.requireId("city", name)));
            }
            try {
                f.throwIfAny();
            } catch (ApiException problem) {
                String problems = problem.fields().entrySet().stream().map(p -> p.getKey() + " " + p.getValue())
                        .collect(java.util.stream.Collectors.joining("; "));
                throw ApiException.badField("file", "entry '" + e.title() + "': " + problems);
            }
        }
        int created = 0;
        int updated = 0;
        for (KbCsvEntry e : entries) {
            KbEntryRequest request = new KbEntryRequest(e.category(), e.title(), e.questions(), e.answer(),
                    e.city() == null ? "" : e.city());
            Optional<Long> existing = repository.idByTitle(e.title(), e.city() == null ? null : cityIds.get(e.city()));
            if (existing.isPresent()) {
                update(existing.get(), request, actor);
                updated++;
            } else {
                create(request, actor);
                created++;
            }
        }
        return new ImportResult(created, updated);
    }

    @Transactional
    public String exportCsv() {
        StringWriter out = new StringWriter();
        KnowledgeCsv.write(repository.all().stream()
                .map(e -> new KbCsvEntry(e.category(), e.title(), e.questions(), e.answer(), e.city())).toList(), out);
        return out.toString();
    }

    @Transactional
    public Page<TrainingPair> pairs(String source, Long entryId, PageRequest page) {
        Fields f = new Fields();
        f.oneOf("source", source, TrainingPair.SOURCES, false);
        f.throwIfAny();
        return repository.pairs(source, entryId, page);
    }

    @Transactional
    public TrainingPair addPair(TrainingPairRequest request, Actor actor) {
        Fields f = new Fields();
        String question = f.required("question", request.question());
        String answer = f.required("answer", request.answer(), MAX_ANSWER);
        String source = f.oneOf("source", request.source(), TrainingPair.SOURCES, true);
        Integer entryId = JsonValues.integer(f, "entryId", request.entryId());
        Long cityId = f.attempt("city", () -> cities.optionalId("city", request.city()));
        f.check(entryId == null || repository.find(entryId).isPresent(), "entryId", "no such knowledge-base entry");
        f.throwIfAny();
        Long entry = entryId == null ? null : entryId.longValue();
        long id = repository.insertPair(question, answer, source, entry, cityId, null, actor.id());
        audit.record(actor, "create", "kb_training_pair", id, new Changes().set("question", question).set("answer", answer)
                .set("source", source).set("entryId", entry).set("city", request.city()).asMap());
        return repository.pair(id).orElseThrow();
    }

    /** An operator's reply to a client, kept as a training pair for whoever curates the knowledge base. */
    @Transactional
    public void keepOperatorReply(String question, String answer, Long cityId, long conversationId, Actor actor) {
        long id = repository.insertPair(question, answer, "operator_reply", null, cityId, conversationId, actor.id());
        audit.record(actor, "create", "kb_training_pair", id, new Changes().set("source", "operator_reply")
                .set("conversationId", conversationId).asMap());
    }

    @Transactional
    public void deletePair(long id, Actor actor) {
        TrainingPair pair = repository.pair(id).orElseThrow(() -> ApiException.notFound("Training pair " + id));
        repository.deletePair(id);
        audit.record(actor, "delete", "kb_training_pair", id, Map.of("question", pair.question()));
    }

    private KbEntry find(long id) {
        return repository.find(id).orElseThrow(() -> ApiException.notFound("Knowledge-base entry " + id));
    }

    private Long cityIdOf(KbEntry entry) {
        return entry.city() == null ? null : cities.requireId("city", entry.city());
    }

    private void requireFreeTitle(String title, Long cityId, Long exceptId) {
        Optional<Long> holder = repository.idByTitle(title, cityId);
        if (holder.isPresent() && !Objects.equals(holder.get(), exceptId)) {
            throw ApiException.conflict("An entry titled '" + title + "' already exists for this city");
        }
    }

    private static List<String> questions(Fields f, Object raw, boolean required) {
        List<String> given = JsonValues.strings(f, "questions", raw);
        List<String> questions = new ArrayList<>();
        if (given != null) {
            for (String q : given) {
                String text = f.optional("questions", q);
                if (text != null && !questions.contains(text)) {
                    questions.add(text);
                }
            }
        }
        f.check(!required || !questions.isEmpty() || f.has("questions"), "questions", "needs at least one question");
        f.check(questions.size() <= MAX_QUESTIONS, "questions", "at most " + MAX_QUESTIONS);
        return questions;
    }
}
