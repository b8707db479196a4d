package org.callcentre.crm.demo;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code crm.demo.*}: the demo mode ({@code CRM_DEMO=true}, off by default), how often it plays a call, and the password
 * of its users. It refuses an external database unless {@code CRM_DEMO_FORCE=true} (see {@link DemoConfigurer}).
 */
@ConfigurationProperties("crm.demo")
public record DemoSettings(boolean enabled, boolean force, Duration callInterval, String password) {
}
