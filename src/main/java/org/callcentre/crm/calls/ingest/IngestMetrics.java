package org.callcentre.crm.calls.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/**
 * {@code crm_ingest_spool_bytes}, and {@code crm_ingest_spool_full}: 1 while the spool is at its cap
 * and call events that would go there are refused — an alarm.
 */
@Singleton
class IngestMetrics implements MeterBinder {
    private final BeanProvider<IngestBuffer> buffer;

    /** Looked up when read: the buffer needs the database, whose pool needs the meter registry this binds to. */
    IngestMetrics(BeanProvider<IngestBuffer> buffer) {
        this.buffer = buffer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("crm.ingest.spool", buffer, b -> b.get().kept().spoolBytes()).baseUnit("bytes")
                .description("Size of the spool file of call events waiting for PostgreSQL").register(registry);
        Gauge.builder("crm.ingest.spool.full", buffer, b -> b.get().kept().full() ? 1 : 0)
                .description("1 while the spool is at crm.ingest.spool-max-size and call events are refused").register(registry);
    }
}
