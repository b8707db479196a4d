package org.callcentre.crm.stats;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Chat measures summed over some chats and rounds; the names are the rollup columns of {@link ChatFacts}. */
record ChatSums(long chats, long aiOnly, long byPeople, long messages, long rounds, long firstResponses, long firstResponseSeconds,
                long resolved, long resolutionSeconds, long firstResponseBreaches, long resolutionBreaches) {
    static final ChatSums NONE = new ChatSums(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static ChatSums read(ResultSet rs) throws SQLException {
        return new ChatSums(rs.getLong("chats"), rs.getLong("ai_only"), rs.getLong("by_people"), rs.getLong("messages"),
                rs.getLong("rounds"), rs.getLong("first_responses"), rs.getLong("first_response_seconds"), rs.getLong("resolved"),
                rs.getLong("resolution_seconds"), rs.getLong("first_response_breaches"), rs.getLong("resolution_breaches"));
    }

    ChatSums plus(ChatSums o) {
        return new ChatSums(chats + o.chats, aiOnly + o.aiOnly, byPeople + o.byPeople, messages + o.messages, rounds + o.rounds,
                firstResponses + o.firstResponses, firstResponseSeconds + o.firstResponseSeconds, resolved + o.resolved,
                resolutionSeconds + o.resolutionSeconds, firstResponseBreaches + o.firstResponseBreaches,
                resolutionBreaches + o.resolutionBreaches);
    }
}
