package org.callcentre.crm.recordings;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.callcentre.crm.jobs.CallJobHandler;
import org.callcentre.crm.jobs.CallJobQueue;
import org.callcentre.crm.jobs.PermanentJobFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Fetches a call's recording from its PBX into the store, then queues its transcription. The row
 * and the transcription job are written together, after the file is in place, so a recording row
 * never points at a missing file.
 */
@Singleton
public class RecordingFetchHandler implements CallJobHandler {
    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final List<RecordingSource> sources;
    private final CallJobQueue queue;
    private final TransactionOperations<Connection> transactions;

    public RecordingFetchHandler(RecordingRepository recordings, RecordingStore store, List<RecordingSource> sources,
                                 CallJobQueue queue, TransactionOperations<Connection> transactions) {
        this.recordings = recordings;
        this.store = store;
        this.sources = sources;
        this.queue = queue;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return CallJobQueue.FETCH_RECORDING;
    }

    @Override
    public void run(long callId) throws Exception {
        RecordingRepository.CallRecordingRef call = transactions.executeRead(status -> recordings.callRef(callId))
                .orElseThrow(() -> new PermanentJobFailure("call " + callId + " no longer exists"));
        if (call.recordingRef() == null) {
            throw new PermanentJobFailure("call " + callId + " has no recording");
        }
        if (transactions.executeRead(status -> recordings.findByCall(callId)).isPresent()) {
            return;
        }
        RecordingSource source = sources.stream().filter(s -> s.handles(call.recordingRef())).findFirst()
                .orElseThrow(() -> new PermanentJobFailure("no recording source for " + call.recordingRef()));
        Path temporary = store.newTemporaryFile();
        try {
            String contentType;
            try {
                contentType = source.fetch(call.recordingRef(), call.ended(), temporary);
            } catch (RecordingRefused refused) {
                throw new PermanentJobFailure(refused.getMessage(), refused);
            }
            long size = Files.size(temporary);
            if (size == 0) {
                throw new IOException("the recording is empty");
            }
            UUID id = UUID.randomUUID();
            String fileName = store.keep(temporary, id, contentType);
            transactions.executeWrite(status -> {
                recordings.insert(id, callId, call.recordingRef(), fileName, contentType, size);
                queue.enqueue(callId, CallJobQueue.TRANSCRIBE);
                return null;
            });
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
