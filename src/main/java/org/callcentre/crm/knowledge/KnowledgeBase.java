package org.callcentre.crm.knowledge;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The current retrieval index of the stored knowledge base. Each question first reads a cheap
 * signature of the tables; when it moved (an edit on this or another node, a new rating), the
 * index is rebuilt before answering, so an answer never comes from an entry already changed.
 * Questions come from the entries, the training pairs linked to them and the operators' chat
 * replies that repeat an entry's answer ({@link OperatorReplies}).
 */
@Singleton
public class KnowledgeBase {
    private static final int OPERATOR_REPLIES = 5000;
    private final KnowledgeRepository repository;
    /** An admin's lexicon on top of the built-in one ({@code crm.ai.lexicon-file}), null: none. */
    private final java.nio.file.Path lexiconFile;
    /** An admin's needs on top of the built-in ones ({@code crm.ai.needs-file}), null: none. */
    private final java.nio.file.Path needsFile;
    private volatile Snapshot snapshot = new Snapshot("", KnowledgeIndex.of(List.of()));

    private record Snapshot(String signature, KnowledgeIndex index) {
    }

    public KnowledgeBase(KnowledgeRepository repository,
                         @io.micronaut.context.annotation.Value("${crm.ai.lexicon-file:}") String lexiconFile,
                         @io.micronaut.context.annotation.Value("${crm.ai.needs-file:}") String needsFile) {
        this.repository = repository;
        this.lexiconFile = path(lexiconFile);
        this.needsFile = path(needsFile);
    }

    @Transactional
    public KnowledgeIndex index() {
        String signature = repository.signature();
        Snapshot current = snapshot;
        if (current.signature().equals(signature)) {
            return current.index();
        }
        synchronized (this) {
            if (!snapshot.signature().equals(signature)) {
                snapshot = new Snapshot(signature, build());
            }
            return snapshot.index();
        }
    }

    private KnowledgeIndex build() {
        Map<Long, List<String>> linked = repository.linkedQuestions();
        List<IndexedEntry> entries = new ArrayList<>();
        for (KbEntry e : repository.all()) {
            List<String> questions = new ArrayList<>(e.questions());
            questions.addAll(linked.getOrDefault(e.id(), List.of()));
            entries.add(new IndexedEntry(e.id(), e.category(), e.title(), questions, e.answer(), e.city()));
        }
        entries = OperatorReplies.asVariants(entries, repository.unlinkedOperatorReplies(OPERATOR_REPLIES));
        Map<Long, Double> shifts = repository.ratingsByEntry().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, r -> KnowledgeIndex.ratingShift(r.getValue()[0], r.getValue()[1])));
        return KnowledgeIndex.of(entries, shifts, lexiconFile, needsFile);
    }

    private static java.nio.file.Path path(String setting) {
        return setting == null || setting.isBlank() ? null : java.nio.file.Path.of(setting);
    }
}
