package org.callcentre.crm.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One event of a client's life with the centre, in the shape every source shares.
 *
 * @param at      when it began: a call's start, a chat's first message, an order's or note's creation
 * @param status  the source's own state word (call {@code answered}, order {@code completed}, …)
 * @param title   call: direction; chat: the Avito ad's title; order: the equipment; task: its title
 * @param text    call: disposition or note; chat: its summary once closed, else the client's latest message;
 *                order: the problem; note: its text
 * @param author  the operator who took the call, created the order or wrote the note
 * @param seconds call: talk time
 * @param count   task: the missed calls a missed-call call-back gathers; chat: messages
 */
@Serdeable
public record TimelineEntry(TimelineKind kind, long id, Instant at, @Nullable String status, @Nullable String title,
                            @Nullable String text, @Nullable String author, @Nullable Integer seconds,
                            @Nullable Integer count, boolean recording, boolean transcript, @Nullable String mood) {
}
