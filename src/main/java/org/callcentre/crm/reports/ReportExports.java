package org.callcentre.crm.reports;

import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.callcentre.crm.audit.AuditLog;
import org.callcentre.crm.auth.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Turns a validated report into a download: the export is audited first, then the file is written
 * on a worker thread while the client reads it.
 */
@Singleton
class ReportExports {
    private static final Logger LOG = LoggerFactory.getLogger(ReportExports.class);

    private final AuditLog audit;
    private final ReportWriting writing;
    private final ExecutorService workers;
    private final ExportSlots slots;

    ReportExports(AuditLog audit, ReportWriting writing, @Named(TaskExecutors.BLOCKING) ExecutorService workers, ExportSlots slots) {
        this.audit = audit;
        this.writing = writing;
        this.workers = workers;
        this.slots = slots;
    }

    /**
     * The audit row is committed when this returns, before a byte is sent: an export that starts is on record.
     * A slot ({@link ExportSlots}) is taken first and kept until the file is written or the client is gone.
     */
    @Transactional
    public StreamedFile download(Report report, ExportOptions options, Actor actor) {
        Runnable free = slots.take(actor.id());
        try {
            Map<String, Object> details = AppliedFilter.byParam(report.filters());
            details.put("format", options.format().name());
            audit.record(actor, "export", report.name(), null, details);
            ReportWriter writer = options.writer();
            ChunkPipe pipe = new ChunkPipe(started -> workers.execute(() -> write(report, writer, started)), free);
            return new StreamedFile(pipe.source(), options.format().mediaType()).attach(report.fileName(options.format()));
        } catch (RuntimeException | Error e) {
            free.run();
            throw e;
        }
    }

    private void write(Report report, ReportWriter writer, ChunkPipe pipe) {
        try {
            writing.write(report, writer, pipe.sink());
            pipe.finish();
        } catch (Exception | Error e) {
            if (pipe.readerClosed()) {
                LOG.info("Export of {} abandoned by the client: {}", report.name(), e.toString());
            } else {
                LOG.warn("Export of {} failed", report.name(), e);
            }
            pipe.fail(e);
        }
    }
}
