package org.callcentre.crm.bootstrap;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** Tells the embedded server which contexts to stop before it stops: those whose datasource it serves. */
@Singleton
@Requires(property = "crm.database.embedded", value = "true")
final class EmbeddedPostgresUsers implements BeanCreatedEventListener<DataSource> {
    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        EmbeddedPostgresServer.usedBy(event.getSource());
        return event.getBean();
    }
}
