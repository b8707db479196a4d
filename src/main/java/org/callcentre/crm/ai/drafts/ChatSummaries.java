package org.callcentre.crm.ai.drafts;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.conversations.ChatChanged;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When a chat is closed, its summary and the client's mood are written in the closing transaction,
 * by the engine that drafts orders from calls ({@link OrderDrafts}): the chat is read as a
 * transcript with labelled turns (the client's messages as «Клиент:», the operators' and the AI's
 * as «Оператор:»). A chat closed again after the client wrote more is summarised anew.
 */
@Singleton
class ChatSummaries {
    /** The rules' summary speaks of a call; a chat was written. */
    private static final String CALL_OPENING = "Звонил клиент";
    private static final String CHAT_OPENING = "Писал клиент";

    private final OrderDrafts drafts;
    private final CityDirectory cities;
    private final Db db;

    ChatSummaries(OrderDrafts drafts, CityDirectory cities, Db db) {
        this.drafts = drafts;
        this.cities = cities;
        this.db = db;
    }

    private record Line(String sender, String text) {
    }

    private record Chat(Long cityId, String city, Instant closedAt) {
    }

    @EventListener
    void onChatChanged(ChatChanged change) {
        if (change.kind() != ChatChanged.Kind.closed) {
            return;
        }
        long id = change.conversationId();
        Chat chat = db.queryOne("SELECT v.city_id, c.name, now() AS closed_at FROM conversations v "
                        + "LEFT JOIN cities c ON c.id = v.city_id WHERE v.id = ?",
                rs -> new Chat(Db.getLong(rs, "city_id"), rs.getString("name"), Db.getInstant(rs, "closed_at")), id).orElse(null);
        List<Line> lines = db.query("SELECT sender, text FROM messages WHERE conversation_id = ? AND sender <> 'system' "
                + "ORDER BY created_at, id", rs -> new Line(rs.getString("sender"), rs.getString("text")), id);
        if (chat == null || lines.stream().noneMatch(l -> l.sender().equals("client"))) {
            return;
        }
        String transcript = lines.stream().map(l -> (l.sender().equals("client") ? "Клиент: " : "Оператор: ") + l.text())
                .collect(Collectors.joining("\n"));
        LocalDateTime closedAt = chat.closedAt().atZone(cities.zone(chat.cityId())).toLocalDateTime();
        OrderDraft draft = drafts.draft(transcript, chat.city(), closedAt);
        String summary = draft.summary() == null ? null : draft.summary().replaceFirst("^" + CALL_OPENING, CHAT_OPENING);
        db.update("UPDATE conversations SET summary = ?, mood = ?, summarized_at = now() WHERE id = ?", summary, draft.sentiment(), id);
    }
}
