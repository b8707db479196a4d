package org.callcentre.crm.operations;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.callcentre.crm.ai.llm.LlmSettings;
import org.callcentre.crm.asr.AsrSettings;
import org.callcentre.crm.telephony.mango.MangoSettings;
import org.reactivestreams.Publisher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code integrations} in {@code /health}: what is configured for Mango, Avito, the language model
 * and speech recognition, and the last sign of life of each — for the admin's integrations page.
 * Always UP: an integration nobody configured is a choice, not a fault (AMI, SIP lines and the
 * database have indicators of their own). No secret, key, URL or host is shown.
 */
@Singleton
class IntegrationsHealthIndicator implements HealthIndicator {
    private final OperationsRepository repository;
    private final MangoSettings mango;
    private final LlmSettings llm;
    private final AsrSettings asr;
    private final ExecutorService blocking;

    IntegrationsHealthIndicator(OperationsRepository repository, MangoSettings mango, LlmSettings llm, AsrSettings asr,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.repository = repository;
        this.mango = mango;
        this.llm = llm;
        this.asr = asr;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::result, blocking));
    }

    private HealthResult result() {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> mangoDetails = new LinkedHashMap<>();
        mangoDetails.put("configured", mango.configured());
        Map<String, Object> avitoDetails = new LinkedHashMap<>();
        try {
            repository.lastMangoWebhookAt().ifPresent(at -> mangoDetails.put("lastWebhookAt", at.toString()));
            avitoDetails.put("enabledAccounts", repository.enabledAvitoAccounts());
            repository.lastAvitoMessageAt().ifPresent(at -> avitoDetails.put("lastMessageAt", at.toString()));
        } catch (RuntimeException e) {
            details.put("error", "database not reachable");
        }
        details.put("mango", mangoDetails);
        details.put("avito", avitoDetails);
        // not the host: /health details reach every signed-in user, and an internal host name is no operator's business
        details.put("llm", Map.of("configured", llm.configured()));
        boolean vosk = !"pocketsphinx".equalsIgnoreCase(asr.engine());
        Path model = Path.of(vosk ? asr.modelDir() : asr.pocketsphinxModelDir());
        details.put("asr", Map.of("engine", vosk ? "vosk" : "pocketsphinx", "language", vosk ? asr.language() : "en",
                "modelPresent", Files.isDirectory(model)));
        return HealthResult.builder("integrations", HealthStatus.UP).details(details).build();
    }
}
