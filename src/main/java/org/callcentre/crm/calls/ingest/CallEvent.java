package org.callcentre.crm.calls.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One thing that happened to one call, in the PBX's own words translated to ours. Adapters
 * (Asterisk AMI, Mango Office) produce these; nothing past an adapter knows a vendor's event names.
 *
 * @param source      which PBX family reported it: {@code mango} or {@code ami}
 * @param callKey     groups every leg of one call: Mango {@code entry_id}, Asterisk {@code Linkedid}
 * @param eventId     unique per source: a redelivered event carries the same id and changes nothing
 * @param legId       one leg of the call (Mango {@code call_id}, Asterisk {@code Uniqueid}); null for whole-call events
 * @param sequence    orders events of one call that share a timestamp (Mango {@code seq})
 * @param occurredAt  the PBX's time of the event, never the time it reached us
 * @param direction   when the adapter can tell, else null
 * @param callerNumber the calling party as the PBX gave it (normalised later)
 * @param calledNumber the called party as the PBX gave it
 * @param extension   the operator extension (SIP address digits) this event concerns, if any
 * @param companyNumber the company's number that was called (Mango {@code line_number}, Asterisk DID)
 * @param waitSeconds authoritative wait from the PBX (Asterisk HoldTime, Mango summary), if given
 * @param ending      for {@link CallEventKind#ENDED}: how the call or leg ended, if the PBX said
 */
@Serdeable
public record CallEvent(
        String source,
        String callKey,
        String eventId,
        @Nullable String legId,
        long sequence,
        Instant occurredAt,
        CallEventKind kind,
        @Nullable CallDirection direction,
        @Nullable String callerNumber,
        @Nullable String calledNumber,
        @Nullable String extension,
        @Nullable String companyNumber,
        @Nullable String queue,
        @Nullable String disconnectReason,
        @Nullable Integer waitSeconds,
        @Nullable CallEnding ending,
        @Nullable String recordingRef) {

    public static Builder builder(String source, String callKey, String eventId, Instant occurredAt, CallEventKind kind) {
        return new Builder(source, callKey, eventId, occurredAt, kind);
    }

    /** Adapters fill only what their vendor event carries; everything else stays null. */
    public static final class Builder {
        private final String source;
        private final String callKey;
        private final String eventId;
        private final Instant occurredAt;
        private final CallEventKind kind;
        private String legId;
        private long sequence;
        private CallDirection direction;
        private String callerNumber;
        private String calledNumber;
        private String extension;
        private String companyNumber;
        private String queue;
        private String disconnectReason;
        private Integer waitSeconds;
        private CallEnding ending;
        private String recordingRef;

        private Builder(String source, String callKey, String eventId, Instant occurredAt, CallEventKind kind) {
            this.source = source;
            this.callKey = callKey;
            this.eventId = eventId;
            this.occurredAt = occurredAt;
            this.kind = kind;
        }

        public Builder leg(String legId) { this.legId = legId; return this; }
        public Builder sequence(long sequence) { this.sequence = sequence; return this; }
        public Builder direction(CallDirection direction) { this.direction = direction; return this; }
        public Builder caller(String number) { this.callerNumber = number; return this; }
        public Builder called(String number) { this.calledNumber = number; return this; }
        public Builder extension(String extension) { this.extension = extension; return this; }
        public Builder companyNumber(String number) { this.companyNumber = number; return this; }
        public Builder queue(String queue) { this.queue = queue; return this; }
        public Builder disconnectReason(String reason) { this.disconnectReason = reason; return this; }
        public Builder waitSeconds(Integer seconds) { this.waitSeconds = seconds; return this; }
        public Builder ending(CallEnding ending) { this.ending = ending; return this; }
        public Builder recording(String ref) { this.recordingRef = ref; return this; }

        public CallEvent build() {
            return new CallEvent(source, callKey, eventId, legId, sequence, occurredAt, kind, direction, callerNumber,
                    calledNumber, extension, companyNumber, queue, disconnectReason, waitSeconds, ending,
                    recordingRef);
        }
    }
}
