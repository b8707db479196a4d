package org.callcentre.crm.calls.ingest;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Batches of call events kept in a local file while PostgreSQL cannot take them: one JSON line per
 * batch, each forced to disk before {@link #append} returns, read back oldest first. The file is
 * removed once every line was taken; a file left by a process that died is read on the next start.
 * Re-reading a batch that was applied before a crash is harmless: ingest ignores events it has.
 * Not thread-safe: its owner serialises access.
 */
final class IngestSpool {
    private static final Logger LOG = LoggerFactory.getLogger(IngestSpool.class);
    private static final Argument<List<CallEvent>> BATCH = Argument.listOf(CallEvent.class);

    private final Path file;
    private final ObjectMapper json;
    private FileChannel out;
    private BufferedReader in;
    private List<CallEvent> head;
    private long unread;
    private long bytes;

    IngestSpool(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                try (var lines = Files.lines(file)) {
                    unread = lines.filter(line -> !line.isBlank()).count();
                }
                bytes = Files.size(file);
                if (unread > 0) {
                    LOG.warn("Ingest spool {} holds {} batch(es) from an earlier run; they will be applied", file, unread);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the ingest spool " + file, e);
        }
    }

    long unread() {
        return unread;
    }

    /** The file's size: it shrinks only when every batch in it was taken and it is removed. */
    long bytes() {
        return bytes;
    }

    Path file() {
        return file;
    }

    void append(List<CallEvent> batch) throws IOException {
        if (out == null) {
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        ByteBuffer line = ByteBuffer.wrap((json.writeValueAsString(batch) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            out.write(line);
        }
        out.force(false);
        bytes += line.limit();
        unread++;
    }

    /** The oldest batch not yet taken, read again until {@link #take} is called. */
    Optional<List<CallEvent>> head() throws IOException {
        while (head == null && unread > 0) {
            if (in == null) {
                in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
            String line = in.readLine();
            if (line == null) {
                LOG.warn("Ingest spool {} ended {} batch(es) early", file, unread);
                unread = 0;
                clear();
            } else if (!line.isBlank()) {
                try {
                    head = json.readValue(line, BATCH);
                } catch (IOException unreadable) {
                    // Only the last line of a file whose writer died can be cut short; nothing to apply in it.
                    LOG.warn("Ingest spool {}: skipped an unreadable line ({})", file, unreadable.getMessage());
                    taken();
                }
            }
        }
        return Optional.ofNullable(head);
    }

    void take() throws IOException {
        head = null;
        taken();
    }

    /** Puts batches older than everything in the file at its front (what memory held at shutdown). */
    void putFirst(List<List<CallEvent>> older) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> lines = new ArrayList<>();
        for (List<CallEvent> batch : older) {
            lines.add(json.writeValueAsString(batch));
        }
        if (head != null) {
            lines.add(json.writeValueAsString(head));
        }
        if (in != null) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } else if (Files.exists(file)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        lines.removeIf(String::isBlank);
        close();
        try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer text = ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            while (text.hasRemaining()) {
                channel.write(text);
            }
            channel.force(true);
        }
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        bytes = Files.size(file);
        head = null;
        unread = lines.size();
    }

    void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void taken() throws IOException {
        unread--;
        if (unread <= 0) {
            unread = 0;
            clear();
        }
    }

    private void clear() throws IOException {
        close();
        head = null;
        bytes = 0;
        Files.deleteIfExists(file);
    }
}
