package org.callcentre.crm.asr;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.callcentre.crm.jobs.CallJobHandler;
import org.callcentre.crm.jobs.CallJobQueue;
import org.callcentre.crm.jobs.PermanentJobFailure;
import org.callcentre.crm.recordings.Recording;
import org.callcentre.crm.recordings.RecordingRepository;
import org.callcentre.crm.recordings.RecordingSettings;
import org.callcentre.crm.recordings.RecordingStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/** The transcribe job: the call's stored recording → words per speaker → the transcripts row. */
@Singleton
public class TranscriptionHandler implements CallJobHandler {
    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final Transcriber transcriber;
    private final TranscriptRepository transcripts;
    private final AsrSettings settings;
    private final RecordingSettings recordingSettings;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<TranscriptStored> stored;

    public TranscriptionHandler(RecordingRepository recordings, RecordingStore store, Transcriber transcriber,
                                TranscriptRepository transcripts, AsrSettings settings, RecordingSettings recordingSettings,
                                TransactionOperations<Connection> transactions, ApplicationEventPublisher<TranscriptStored> stored) {
        this.recordings = recordings;
        this.store = store;
        this.transcriber = transcriber;
        this.transcripts = transcripts;
        this.settings = settings;
        this.recordingSettings = recordingSettings;
        this.transactions = transactions;
        this.stored = stored;
    }

    @Override
    public String kind() {
        return CallJobQueue.TRANSCRIBE;
    }

    @Override
    public void run(long callId) throws Exception {
        Recording recording = transactions.executeRead(status -> recordings.findByCall(callId))
                .orElseThrow(() -> new PermanentJobFailure("call " + callId + " has no stored recording (deleted by retention?)"));
        Path file = store.path(recording.fileName());
        if (!Files.isReadable(file)) {
            throw new PermanentJobFailure("recording file " + recording.fileName() + " is missing");
        }
        CallTranscription.Result result;
        try {
            result = CallTranscription.transcribe(() -> AudioDecoder.open(file, recording.contentType(), recordingSettings.maxDuration()),
                    transcriber, settings.operatorChannelIndex());
        } catch (UnreadableAudio | TranscriberUnavailable e) {
            throw new PermanentJobFailure(e.getMessage(), e);
        }
        List<TranscriptWord> words = result.words();
        String text = result.text();
        transactions.executeWrite(status -> {
            transcripts.save(callId, transcriber.engine(), transcriber.language(), text, words, result.seconds());
            stored.publishEvent(new TranscriptStored(callId, text));
            return null;
        });
    }
}
