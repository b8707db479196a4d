package org.callcentre.crm.stats;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Chat figures of some chats and of their rounds (a round: the chat handed to people, until closed).
 * Averages have one decimal; an average over nothing is 0.
 *
 * @param chats                      chats begun (each on its first day, under the operator who first replied)
 * @param aiOnly                     of them, answered by the AI and by no operator
 * @param byPeople                   of them, answered by an operator
 * @param messagesPerChat            messages of clients, the AI and operators ÷ chats
 * @param rounds                     chats handed to people
 * @param averageFirstResponseSeconds from a round's start to its first operator reply, over the rounds answered
 * @param averageResolutionSeconds   from a round's start to its close, over the rounds closed
 * @param firstResponseBreaches      rounds whose first reply came after its deadline, or not before it
 * @param resolutionBreaches         rounds not closed by their deadline
 */
@Serdeable
public record ChatFigures(long chats, long aiOnly, long byPeople, long messages, double messagesPerChat, long rounds,
                          long firstResponses, double averageFirstResponseSeconds, long resolved, double averageResolutionSeconds,
                          long firstResponseBreaches, long resolutionBreaches) {

    static ChatFigures of(ChatSums s) {
        return new ChatFigures(s.chats(), s.aiOnly(), s.byPeople(), s.messages(), Ratios.average(s.messages(), s.chats()), s.rounds(),
                s.firstResponses(), Ratios.average(s.firstResponseSeconds(), s.firstResponses()), s.resolved(),
                Ratios.average(s.resolutionSeconds(), s.resolved()), s.firstResponseBreaches(), s.resolutionBreaches());
    }
}
