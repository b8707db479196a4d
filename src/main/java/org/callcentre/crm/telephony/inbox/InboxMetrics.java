package org.callcentre.crm.telephony.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/** {@code crm_telephony_inbox_full}: 1 while the inbox is at its cap and webhooks are answered 503 — an alarm. */
@Singleton
class InboxMetrics implements MeterBinder {
    private final BeanProvider<InboxBounds> bounds;

    /** Looked up when read: the bounds need the database, whose pool needs the meter registry this binds to. */
    InboxMetrics(BeanProvider<InboxBounds> bounds) {
        this.bounds = bounds;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("crm.telephony.inbox.full", bounds, b -> b.get().full() ? 1 : 0)
                .description("1 while the webhook inbox is at crm.inbox.max-pending and new webhooks are answered 503").register(registry);
    }
}
