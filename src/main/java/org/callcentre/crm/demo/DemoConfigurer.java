package org.callcentre.crm.demo;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import org.callcentre.crm.bootstrap.LocalStateConfigurer;
import org.callcentre.crm.shared.SecretTokens;

import java.util.HashMap;
import java.util.Map;

/**
 * Before any bean exists: the demo writes demo rows into the database it is given, so it refuses an external one (a
 * real centre's) unless forced. It plays its calls through the Mango webhook signed as a PBX would, so without a Mango
 * key of the admin's it makes one of its own for this run; and Avito's API is its own sink ({@link DemoAvitoSink}) unless
 * an Avito address is set.
 */
@ContextConfigurer
public class DemoConfigurer implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (!flag("crm.demo.enabled", "CRM_DEMO")) {
            return;
        }
        boolean external = LocalStateConfigurer.setting("datasources.default.url", "DATASOURCES_DEFAULT_URL").isPresent();
        if (external && !flag("crm.demo.force", "CRM_DEMO_FORCE")) {
            throw new IllegalStateException("CRM_DEMO=true writes demo cities, operators and calls into the database: it is "
                    + "refused with an external database (DATASOURCES_DEFAULT_URL). Set CRM_DEMO_FORCE=true to demo there anyway.");
        }
        Map<String, Object> properties = new HashMap<>();
        if (LocalStateConfigurer.setting("crm.mango.api-key", "CRM_MANGO_API_KEY").isEmpty()) {
            properties.put("crm.mango.api-key", "demo-" + SecretTokens.random());
            properties.put("crm.mango.api-salt", SecretTokens.random());
        }
        if (LocalStateConfigurer.setting("crm.avito.api-url", "CRM_AVITO_API_URL").isEmpty()) {
            properties.put("crm.avito.api-url", "http://127.0.0.1:${micronaut.server.port}" + DemoAvitoSink.PATH);
        }
        builder.properties(properties);
    }

    private static boolean flag(String property, String env) {
        return LocalStateConfigurer.setting(property, env).map(Boolean::parseBoolean).orElse(false);
    }
}
