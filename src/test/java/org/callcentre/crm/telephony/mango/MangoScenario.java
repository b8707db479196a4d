package org.callcentre.crm.telephony.mango;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One recorded scenario from {@code telephony/samples/mango}: the webhooks and the row they must give. */
public record MangoScenario(String name, String entryId, List<Webhook> webhooks, JsonNode expected) {
    static final Path DIR = Path.of("telephony/samples/mango");

    public record Webhook(String path, String json) {
    }

    public static List<MangoScenario> all(ObjectMapper mapper) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<MangoScenario> scenarios = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = mapper.readValue(Files.readString(file), JsonNode.class);
                List<Webhook> webhooks = new ArrayList<>();
                for (JsonNode event : root.get("events").values()) {
                    webhooks.add(new Webhook(event.get("path").getStringValue(), mapper.writeValueAsString(event.get("json"))));
                }
                scenarios.add(new MangoScenario(file.getFileName().toString().replace(".json", ""),
                        root.get("entryId").getStringValue(), webhooks, root.get("expected")));
            }
            return scenarios;
        }
    }
}
