package org.callcentre.crm.telephony.ami;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One recorded scenario from {@code telephony/samples/ami}: the AMI event blocks of
 * {@code <name>.ami} and the call row of {@code <name>.expected.json}.
 */
record AmiSample(String name, String linkedId, List<Block> blocks, JsonNode expected) {
    static final Path DIR = Path.of("telephony/samples/ami");

    /** One {@code Event:} block, its header lines in the order Asterisk sent them. */
    record Block(List<Map.Entry<String, String>> headers) {
        String event() {
            return header("Event");
        }

        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** The block as it goes over the manager socket, ended by its empty line. */
        String wire() {
            StringBuilder text = new StringBuilder();
            headers.forEach(h -> text.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
            return text.append("\r\n").toString();
        }
    }

    /**
     * The blocks with every {@code Timestamp} moved by {@code seconds}: the same call happening at
     * another time, e.g. now, so that a gap and its CDR rows can cover it.
     */
    List<Block> movedBy(long seconds) {
        BigDecimal by = BigDecimal.valueOf(seconds);
        return blocks().stream().map(block -> new Block(block.headers().stream()
                .map(h -> "Timestamp".equalsIgnoreCase(h.getKey()) ? Map.entry(h.getKey(), new BigDecimal(h.getValue()).add(by).toPlainString()) : h)
                .toList())).toList();
    }

    /**
     * A one-channel call that starts and hangs up: replayed after other events, its row shows that
     * everything sent before it has been applied.
     */
    static List<Block> probeCall(String uniqueId) {
        List<Map.Entry<String, String>> channel = List.of(Map.entry("Channel", "PJSIP/999-00ffffff"),
                Map.entry("CallerIDNum", "999"), Map.entry("Context", "from-internal"), Map.entry("Exten", "100"),
                Map.entry("Uniqueid", uniqueId), Map.entry("Linkedid", uniqueId));
        List<Map.Entry<String, String>> start = new ArrayList<>(List.of(Map.entry("Event", "Newchannel"),
                Map.entry("Privilege", "call,all"), Map.entry("Timestamp", uniqueId)));
        start.addAll(channel);
        List<Map.Entry<String, String>> end = new ArrayList<>(List.of(Map.entry("Event", "Hangup"),
                Map.entry("Privilege", "call,all"), Map.entry("Timestamp", uniqueId)));
        end.addAll(channel);
        end.add(Map.entry("Cause", "16"));
        return List.of(new Block(start), new Block(end));
    }

    /** The blocks up to and including the first {@code Event: <event>}. */
    int through(String event) {
        for (int i = 0; i < blocks.size(); i++) {
            if (event.equals(blocks.get(i).event())) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name + " has no " + event);
    }

    static List<AmiSample> all(ObjectMapper mapper) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<AmiSample> samples = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".ami")).sorted().toList()) {
                samples.add(read(file, mapper));
            }
            return samples;
        }
    }

    static AmiSample named(String name, ObjectMapper mapper) throws IOException {
        return read(DIR.resolve(name + ".ami"), mapper);
    }

    private static AmiSample read(Path file, ObjectMapper mapper) throws IOException {
        String name = file.getFileName().toString().replace(".ami", "");
        JsonNode sidecar = mapper.readValue(Files.readString(DIR.resolve(name + ".expected.json")), JsonNode.class);
        return new AmiSample(name, sidecar.get("linkedid").getStringValue(), blocks(Files.readAllLines(file)), sidecar.get("expected"));
    }

    /** Event blocks written out in a test, in the format of the sample files. */
    static List<Block> blocks(String text) {
        return blocks(text.lines().toList());
    }

    private static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        List<Map.Entry<String, String>> current = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(new Block(List.copyOf(current)));
                    current.clear();
                }
                continue;
            }
            int colon = line.indexOf(':');
            current.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        if (!current.isEmpty()) {
            blocks.add(new Block(List.copyOf(current)));
        }
        return blocks;
    }
}
