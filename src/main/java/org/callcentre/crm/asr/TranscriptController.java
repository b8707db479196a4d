package org.callcentre.crm.asr;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.transaction.annotation.Transactional;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.calls.CallService;
import org.callcentre.crm.jobs.CallJobQueue;
import org.callcentre.crm.jobs.CallJobStatus;
import org.callcentre.crm.recordings.RecordingRepository;
import org.callcentre.crm.shared.ApiResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A call's recording link, the state of its fetch and transcription jobs (queued, running, done, failed with the reason), and its transcript. */
@Tag(name = "calls")
@Controller("/api/calls/{callId}/transcript")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR})
public class TranscriptController {
    private final CallService calls;
    private final CallJobQueue jobs;
    private final RecordingRepository recordings;
    private final TranscriptRepository transcripts;
    private final AuditLog audit;

    public TranscriptController(CallService calls, CallJobQueue jobs, RecordingRepository recordings, TranscriptRepository transcripts,
                                AuditLog audit) {
        this.audit = audit;
        this.calls = calls;
        this.jobs = jobs;
        this.recordings = recordings;
        this.transcripts = transcripts;
    }

    @Serdeable
    public record CallTranscriptView(UUID recordingId, List<CallJobStatus> jobs, Transcript transcript) {
    }

    @Get
    @Transactional
    public ApiResponse<CallTranscriptView> get(long callId, Actor actor) {
        calls.get(callId, actor);
        return ApiResponse.of(view(callId, actor));
    }

    /**
     * Queues the call's transcription again (after a model was installed, say), or the recording's
     * fetch when none was stored; a job still queued or running is left as it is.
     */
    @Post("/retry")
    @Transactional
    @Secured({Role.ADMIN, Role.SUPERVISOR})
    public ApiResponse<CallTranscriptView> retry(long callId, Actor actor) {
        calls.get(callId, actor);
        String kind = recordings.findByCall(callId).isPresent() ? CallJobQueue.TRANSCRIBE : CallJobQueue.FETCH_RECORDING;
        jobs.requeue(callId, kind);
        audit.record(actor, "retry", "call_job", callId, Map.of("kind", kind));
        return ApiResponse.of(view(callId, actor));
    }

    private CallTranscriptView view(long callId, Actor actor) {
        List<CallJobStatus> statuses = jobs.statuses(callId).stream()
                .map(job -> actor.is(Role.admin) ? job : job.withPlainReason()).toList();
        return new CallTranscriptView(recordings.findByCall(callId).map(r -> r.id()).orElse(null),
                statuses, transcripts.find(callId).orElse(null));
    }
}
