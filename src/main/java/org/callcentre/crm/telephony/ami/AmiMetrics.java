package org.callcentre.crm.telephony.ami;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * {@code crm_ami_connected}: 1 while logged in to Asterisk, 0 otherwise; {@code crm_ami_paused}: 1
 * while the socket is not read because the queue is full (an alarm if it lasts); absent when no Asterisk is configured.
 */
@Singleton
@Requires(beans = AmiConnector.class)
class AmiMetrics implements MeterBinder {
    private final BeanProvider<AmiConnector> connector;

    /** Looked up when read: the connector needs the database, whose pool needs the meter registry this binds to. */
    AmiMetrics(BeanProvider<AmiConnector> connector) {
        this.connector = connector;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("crm.ami.connected", connector, c -> c.get().connected() ? 1 : 0)
                .description("1 while the AMI connection is logged in").register(registry);
        Gauge.builder("crm.ami.paused", connector, c -> c.get().paused() ? 1 : 0)
                .description("1 while the AMI socket is not read because crm.ami.max-queued-events wait to be stored").register(registry);
    }
}
