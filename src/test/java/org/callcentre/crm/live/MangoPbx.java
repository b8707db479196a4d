package org.callcentre.crm.live;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.telephony.mango.MangoScenario;
import org.callcentre.crm.telephony.mango.MangoSettings;
import org.callcentre.crm.telephony.mango.MangoSignature;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plays the recorded Mango scenarios ({@code telephony/samples/mango}) into the running server as
 * real signed webhooks, a few events at a time, as Mango would while a call goes on.
 */
public final class MangoPbx {
    private final HttpClient client;
    private final MangoSettings settings;
    private final List<MangoScenario> scenarios;

    public MangoPbx(HttpClient client, MangoSettings settings, ObjectMapper mapper) throws IOException {
        this.client = client;
        this.settings = settings;
        this.scenarios = MangoScenario.all(mapper);
    }

    /** Posts the scenario's webhooks from index {@code from} (inclusive) to {@code to} (exclusive). */
    public void play(String scenario, int from, int to) {
        for (MangoScenario.Webhook webhook : scenario(scenario).webhooks().subList(from, to)) {
            Map<String, String> form = Map.of("vpbx_api_key", settings.apiKey(), "json", webhook.json(),
                    "sign", MangoSignature.sign(settings.apiKey(), webhook.json(), settings.apiSalt()));
            assertEquals(200, client.toBlocking().exchange(HttpRequest.POST("/integrations/mango/" + webhook.path(), form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), Argument.of(String.class)).code());
        }
    }

    /** Posts the rest of the scenario's webhooks from index {@code from}. */
    public void playFrom(String scenario, int from) {
        play(scenario, from, scenario(scenario).webhooks().size());
    }

    /** The scenario's call key, which the call's {@code externalId} carries. */
    public String entryId(String scenario) {
        return scenario(scenario).entryId();
    }

    private MangoScenario scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Mango sample " + name));
    }
}
