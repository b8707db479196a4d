package org.callcentre.crm.recordings;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** The recordings directory: files named by their recording's UUID, written whole or not at all. */
@Singleton
public class RecordingStore {
    private final Path dir;

    public RecordingStore(RecordingSettings settings, @Value("${crm.data-dir:./data}") String dataDir) {
        this.dir = (settings.dir() == null || settings.dir().isBlank() ? Path.of(dataDir, "recordings") : Path.of(settings.dir()))
                .toAbsolutePath().normalize();
    }

    /** A temporary file in the store's directory, so that keeping it is an atomic rename. */
    public Path newTemporaryFile() throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "incoming-", ".part");
    }

    /** Moves a downloaded file into place under its recording's name. */
    public String keep(Path temporary, UUID id, String contentType) throws IOException {
        String name = id + (contentType.contains("mpeg") || contentType.contains("mp3") ? ".mp3" : ".wav");
        Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    public Path path(String fileName) {
        Path path = dir.resolve(fileName).normalize();
        if (!path.startsWith(dir)) {
            throw new IllegalArgumentException("recording file outside the store: " + fileName);
        }
        return path;
    }

    public void delete(String fileName) {
        try {
            Files.deleteIfExists(path(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
