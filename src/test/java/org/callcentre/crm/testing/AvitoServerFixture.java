package org.callcentre.crm.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * The service with the local Avito server beside it: the server starts before the application
 * context (whose {@code crm.avito.api-url} points at it), forgets what it was sent before each test
 * and stops after the class. A class adds its own settings through {@link #moreProperties()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AvitoServerFixture extends ServiceFixture implements TestPropertyProvider {
    protected AvitoTestServer avito;

    @Override
    public final Map<String, String> getProperties() {
        avito = new AvitoTestServer();
        Map<String, String> properties = new HashMap<>(moreProperties());
        properties.put("crm.avito.api-url", avito.url());
        return properties;
    }

    /** Settings of the class's tests besides the Avito URL. */
    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeEach
    protected void forgetAvitoTraffic() {
        avito.reset();
    }

    @AfterAll
    protected void stopAvito() {
        avito.close();
    }
}
