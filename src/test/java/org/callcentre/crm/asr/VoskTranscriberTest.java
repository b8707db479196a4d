package org.callcentre.crm.asr;

import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.asr.vosk.VoskTranscriber;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vosk's native library loads from the jar; without a model the transcriber says where it looked
 * and how to get one; with a model (CRM_ASR_MODEL_DIR or asr-models/) it recognizes real speech.
 */
class VoskTranscriberTest {
    private static final Path MODEL = Path.of(System.getenv().getOrDefault("CRM_ASR_MODEL_DIR", "asr-models/vosk-model-small-en-us-0.15"));

    @Test
    void theNativeLibraryBundledInTheJarLoads() {
        assertDoesNotThrow(VoskTranscriber::loadNativeLibrary);
    }

    @Test
    void aMissingModelIsAClearErrorNotACrash(@TempDir Path empty) {
        VoskTranscriber vosk = new VoskTranscriber(empty.resolve("vosk-model-small-ru-0.22"), "ru", ObjectMapper.getDefault());
        PcmAudio silence = new PcmAudio(new float[][]{new float[16_000]}, 16_000);
        TranscriberUnavailable e = assertThrows(TranscriberUnavailable.class, () -> vosk.transcribe(silence.stream()));
        assertTrue(e.getMessage().startsWith("Vosk model not found in "), e.getMessage());
        assertTrue(e.getMessage().contains("asr-models/download.sh"), e.getMessage());
    }

    @Test
    void aDirectoryThatIsNotAModelFailsWithVosksOwnReason(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("am"));
        VoskTranscriber vosk = new VoskTranscriber(dir, "ru", ObjectMapper.getDefault());
        PcmAudio silence = new PcmAudio(new float[][]{new float[16_000]}, 16_000);
        TranscriberUnavailable e = assertThrows(TranscriberUnavailable.class, () -> vosk.transcribe(silence.stream()));
        assertTrue(e.getMessage().startsWith("Vosk could not load the model in "), e.getMessage());
    }

    @Test
    void recognizesEnglishSpeechWhenAModelIsPresent(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MODEL), "no Vosk model at " + MODEL.toAbsolutePath()
                + " (run asr-models/download.sh where the model host is reachable): real recognition not tested here");
        Path wav = SpeechFiles.speak("my computer is broken please call me back tomorrow", 16000, 1, dir);
        VoskTranscriber vosk = new VoskTranscriber(MODEL, "en", ObjectMapper.getDefault());
        List<RecognizedWord> words = vosk.transcribe(AudioDecoder.decode(wav, "audio/wav", java.time.Duration.ofHours(1)).stream());
        assertTrue(words.stream().anyMatch(w -> w.word().equals("computer") || w.word().equals("tomorrow")), words.toString());
    }
}
